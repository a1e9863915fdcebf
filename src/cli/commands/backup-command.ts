import { existsSync } from 'node:fs';
import { BACKUP_REASON_LABELS } from '../../shared/backups';
import { openLibrary } from '../../main/library';
import { backupAndPrune, backupFolder, listBackups, type BackupEntry } from '../../main/library/backup';
import { localTime } from '../../main/library/health';
import type { CliCommand } from '../args';
import { backupsKeptSetting } from '../backups-kept';
import { EXIT, type CliIo, type ExitStatus } from '../io';
import { fileSize } from '../../shared/file-size';

type BackupCommand = Extract<CliCommand, { name: 'backup' }>;

const listLine = (backup: BackupEntry) =>
  `${localTime(backup.createdAt).padEnd(24)}  ${BACKUP_REASON_LABELS[backup.reason].padEnd(32)}  ${fileSize(backup.bytes).padStart(8)}  ${backup.path}`;

async function listCommand(path: string, command: BackupCommand, io: CliIo): Promise<ExitStatus> {
  const backups = await listBackups(path);
  if (command.json) io.out(`${JSON.stringify(backups, null, 2)}\n`);
  else if (backups.length > 0) io.out(`${backups.map(listLine).join('\n')}\n`);
  if (!command.json) {
    io.err(
      backups.length === 0
        ? `No backups yet in ${backupFolder(path)}.\n`
        : `${backups.length} backup${backups.length === 1 ? '' : 's'} in ${backupFolder(path)}, newest first.\n`,
    );
  }
  return EXIT.ok;
}

/**
 * `filmfolio backup`: backs the library up now, as it is (no upgrade first), verified with
 * integrity_check; then only the newest backups stay (the app's setting). `--list` lists them.
 */
export async function backupCommand(
  path: string,
  command: BackupCommand,
  io: CliIo,
  env: Record<string, string | undefined>,
): Promise<ExitStatus> {
  if (command.list) return listCommand(path, command, io);
  if (!existsSync(path)) {
    io.err(`filmfolio: there is no library at ${path} to back up; name one with --library FILE.\n`);
    return EXIT.rejected;
  }
  const keep = backupsKeptSetting(env);
  const library = await openLibrary(path, { migrate: false });
  try {
    const created = await backupAndPrune(library.sqlite, path, 'manual', keep);
    const entry = (await listBackups(path)).find((backup) => backup.path === created);
    if (command.json) io.out(`${JSON.stringify(entry ?? { path: created }, null, 2)}\n`);
    else io.out(`${created}\n`);
    io.err(
      `Backed up (${fileSize(entry?.bytes ?? 0)}), checked with integrity_check. The newest ${keep} backups are kept.\n`,
    );
    return EXIT.ok;
  } finally {
    await library.close();
  }
}
