import { existsSync } from 'node:fs';
import { openLibrary, type Library } from '../main/library';
import { resolveLibraryPath } from '../main/library/location';
import { parseArgs, UsageError, type CliCommand, type CommandName } from './args';
import { exportCommand } from './commands/export-command';
import { importCommand } from './commands/import-command';
import { listCommand } from './commands/list-command';
import { sheetCommand } from './commands/sheet-command';
import { showCommand } from './commands/show-command';
import { isFileCommand, runFileCommand, type FileCommand } from './commands/file-commands';
import { backupsKeptSetting } from './backups-kept';
import { EXIT, processIo, type CliIo, type ExitStatus } from './io';
import { usage } from './usage';
import { version } from '../../package.json';

type LibraryCommand = Exclude<Extract<CliCommand, { name: CommandName }>, FileCommand>;

function runCommand(
  library: Library,
  command: LibraryCommand,
  io: CliIo,
  signal: AbortSignal | undefined,
): ExitStatus | Promise<ExitStatus> {
  switch (command.name) {
    case 'import':
      return importCommand(library, command, io, signal);
    case 'export':
      return exportCommand(library, command, io, signal);
    case 'list':
      return listCommand(library, command, io);
    case 'show':
      return showCommand(library, command, io);
    case 'sheet':
      return sheetCommand(library, command, io);
  }
}

const isCommandName = (topic: string | null): topic is CommandName =>
  topic !== null &&
  ['import', 'export', 'list', 'show', 'sheet', 'check', 'backup', 'restore'].includes(topic);

/**
 * Runs one command line (the arguments after `filmfolio`) and answers its exit status:
 * 0 success, 1 input rejected or the work failed (nothing written), 2 wrong usage. `signal`
 * (Ctrl-C) cancels an import or export: the library and the target file stay as they were.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo = processIo,
  env: Record<string, string | undefined> = process.env,
  signal?: AbortSignal,
): Promise<ExitStatus> {
  let parsed;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`filmfolio: ${error.message}\n\n${usage(error.command)}`);
    return EXIT.usage;
  }
  const { command } = parsed;
  if (command.name === 'help') {
    io.out(usage(isCommandName(command.topic) ? command.topic : null));
    return EXIT.ok;
  }
  if (command.name === 'version') {
    io.out(`filmfolio ${version}\n`);
    return EXIT.ok;
  }
  const path = resolveLibraryPath(parsed.library, env);
  // Checks, backups and restores look at the file before (or instead of) opening it as a library.
  if (isFileCommand(command)) return runFileCommand(path, command, io, env);
  if (command.name !== 'import' && !existsSync(path)) {
    io.err(
      `filmfolio: there is no library at ${path}. Import films first (filmfolio import FILE), or name one with --library FILE.\n`,
    );
    return EXIT.rejected;
  }
  // A dry run against a library that does not exist yet previews against an empty one, creating nothing.
  const dryRunOnNothing = command.name === 'import' && command.dryRun && !existsSync(path);
  let library: Library | null = null;
  try {
    library = await openLibrary(dryRunOnNothing ? ':memory:' : path, {
      backupsKept: backupsKeptSetting(env),
    });
    return await runCommand(library, command, io, signal);
  } catch (error) {
    io.err(`filmfolio: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.rejected;
  } finally {
    await library?.close();
  }
}
