import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseBackupName } from '../../shared/backups';
import { openLibrary } from '../../main/library';
import { backupFolder } from '../../main/library/backup';
import { localTime } from '../../main/library/health';
import { restoreLibrary } from '../../main/library/restore';
import type { CliCommand } from '../args';
import { backupsKeptSetting } from '../backups-kept';
import { EXIT, type CliIo, type ExitStatus } from '../io';

type RestoreCommand = Extract<CliCommand, { name: 'restore' }>;

/** FILE as given, or the backup of that name in the library's backups folder. */
function backupFile(path: string, file: string): string | null {
  if (existsSync(file)) return file;
  const named = join(backupFolder(path), file);
  return parseBackupName(file) && existsSync(named) ? named : null;
}

/**
 * `filmfolio restore FILE`: puts a backup in the library's place, after backing the library up
 * (or keeping it aside when it is damaged), then opens the result to be sure it works.
 */
export async function restoreCommand(
  path: string,
  command: RestoreCommand,
  io: CliIo,
  env: Record<string, string | undefined>,
): Promise<ExitStatus> {
  const file = backupFile(path, command.file);
  if (!file) {
    io.err(
      `filmfolio: there is no backup ${command.file} (neither a file nor a name from filmfolio backup --list); nothing was changed.\n`,
    );
    return EXIT.rejected;
  }
  const keep = backupsKeptSetting(env);
  const outcome = await restoreLibrary(path, file, { backupsKept: keep });
  const taken = parseBackupName(file.split(/[\\/]/).at(-1) ?? '');
  const library = await openLibrary(path, { backupsKept: keep });
  try {
    const films = library.sqlite.prepare('SELECT count(*) FROM films').pluck().get() as number;
    const from = taken ? `the backup of ${localTime(taken.createdAt)}` : file;
    const safety = outcome.keptAsidePath
      ? `The damaged file was kept aside at ${outcome.keptAsidePath}.`
      : outcome.safetyBackup
        ? `The library as it was is backed up at ${outcome.safetyBackup}.`
        : 'The library held no film before, so no backup of it was needed.';
    io.out(`Restored ${path} from ${from}: ${films} film${films === 1 ? '' : 's'}.\n${safety}\n`);
    return EXIT.ok;
  } finally {
    await library.close();
  }
}
