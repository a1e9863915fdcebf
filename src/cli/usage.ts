import type { CommandName } from './args';

const COMMAND_USAGE: Record<CommandName, string> = {
  import: `filmfolio import FILE... [--dry-run] [--on-duplicate skip|replace|merge|keep-both] [--json]
                  [--skip-rejected] [--progress]
    Imports library files (JSON) and film fact pages (.txt/.md, recognised by their content).
    Shows what will happen, then writes everything in one transaction after a backup.
    --dry-run         print the preview; write nothing
    --on-duplicate    what to do with a film the library already has (default: skip)
    --json            print the preview (and the result) as JSON
    --skip-rejected   import the valid films even when some were rejected`,
  export: `filmfolio export FILE [--search QUERY] [--no-images] [--progress]
    Writes a library file: the whole library, or the films a search finds.
    --no-images       leave posters out`,
  list: `filmfolio list [--search QUERY] [--sort FIELD] [--descending] [--json]
    Lists the films (id, year, title, directors), sorted by title unless --sort says otherwise.`,
  show: `filmfolio show ID|TITLE [--json]
    Shows one film; --json prints the whole record as it appears in a library file.`,
  sheet: `filmfolio sheet ID|TITLE... --out FILE.html [--paper A4|Letter] [--locale en-US]
    Writes a printable film sheet (one film) or catalogue (several) as a standalone HTML file.`,
  check: `filmfolio check [--full] [--json]
    Checks the library file without changing it: SQLite's quick_check (--full: the slower, thorough
    integrity_check), that it is a Filmfolio library, its backups, and whether it sits in a folder a
    cloud service syncs. Exit 1 when the library is damaged or missing.`,
  backup: `filmfolio backup [--list] [--json]
    Backs the library up now (verified with integrity_check) into LIBRARY.backups/; the app's
    "backups kept" setting says how many stay. --list lists the backups, newest first.`,
  restore: `filmfolio restore FILE
    Puts a backup (a path, or a name from backup --list) in the library's place. The library as it
    is goes to safety first: backed up, or kept aside when it is damaged (never overwritten).`,
};

/** The whole usage text, or one command's. */
export function usage(command: CommandName | null = null): string {
  if (command) return `Usage:\n  ${COMMAND_USAGE[command]}\n`;
  return `Usage: filmfolio [--library FILE] <command> [options]

The library defaults to the one the Filmfolio app uses (or $FILMFOLIO_LIBRARY).
Exit status: 0 success, 1 input rejected or failure (nothing written), 2 wrong usage.

Commands:
${Object.values(COMMAND_USAGE)
  .map((text) => `  ${text}`)
  .join('\n\n')}
`;
}
