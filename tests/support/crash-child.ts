import { openLibrary, type Library } from '../../src/main/library';
import { backupAndPrune } from '../../src/main/library/backup';
import { commitImport, previewImport } from '../../src/main/library/transfer';

/**
 * The process the crash test kills. Bundled by tests/unit/hardening-crash.test.ts (as electron-vite
 * bundles the app's main) and run with plain node, it does real library work and says on stdout
 * what it has committed, a line at a time, before it goes on: stdout to a pipe is synchronous on
 * Linux, so the parent knows the last committed state when its SIGKILL lands.
 *
 *   import LIBRARY FILE    previews FILE, prints `writing`, `wrote N` as it goes, `committed` at the end
 *   save LIBRARY ID        saves the film's notes as `version N`, N = 1, 2, …, printing `committed N`
 *   backup LIBRARY ID      the same, with a backup (kept: 3) before each save, printing `backed-up`
 */

const say = (line: string) => process.stdout.write(`${line}\n`);

async function importAll(library: Library, file: string): Promise<void> {
  const preview = await previewImport(library, { path: file });
  say('writing');
  await commitImport(
    library,
    preview,
    { rule: 'skip' },
    { backupsKept: 3, onProgress: (done) => say(`wrote ${done}`) },
  );
  say('committed');
}

async function saveForever(library: Library, filmId: string, withBackups: boolean): Promise<never> {
  say('ready');
  for (let version = 1; ; version += 1) {
    if (withBackups) {
      await backupAndPrune(library.sqlite, library.path, 'manual', 3);
      say('backed-up');
    }
    const film = library.get(filmId);
    if (!film) throw new Error(`There is no film ${filmId} in ${library.path}.`);
    library.update({ ...film, notes: `version ${version}` }, film.updatedAt);
    say(`committed ${version}`);
    // Let the event loop breathe, as the app's does between saves.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function main(): Promise<void> {
  const [mode, libraryPath, argument] = process.argv.slice(2);
  if (!mode || !libraryPath || !argument)
    throw new Error('usage: crash-child import|save|backup LIBRARY FILE|ID');
  const library = await openLibrary(libraryPath);
  if (mode === 'import') await importAll(library, argument);
  else await saveForever(library, argument, mode === 'backup');
  await library.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
