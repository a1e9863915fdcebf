import { BACKUP_REASON_LABELS } from '../../shared/backups';
import { backupFolder } from '../../main/library/backup';
import { checkLibraryFile, localTime, type LibraryCheck } from '../../main/library/health';
import type { CliCommand } from '../args';
import { EXIT, type CliIo, type ExitStatus } from '../io';
import { fileSize } from '../../shared/file-size';

type CheckCommand = Extract<CliCommand, { name: 'check' }>;

/** One finding: a word to scan for (ok, note, warning, DAMAGED…) and what it means. */
const line = (mark: string, text: string) => `${mark.padEnd(9)} ${text}`;
const indented = (lines: readonly string[]) => lines.map((text) => `          ${text}`);
const plural = (count: number, word: string) =>
  `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;

function contentLines(check: LibraryCheck): string[] {
  const lines: string[] = [];
  if (check.status === 'damaged') {
    lines.push(line('DAMAGED', `SQLite's ${check.check} found damage:`), ...indented(check.problems));
  } else if (check.checked) {
    lines.push(line('ok', `SQLite's ${check.check}: no damage found`));
  }
  if (check.status === 'missing' || check.status === 'not-a-library') {
    lines.push(line('PROBLEM', check.problems.join('; ')));
  }
  if (check.films !== null) {
    lines.push(
      line('ok', `a Filmfolio library: ${plural(check.films, 'film')} (${check.inTrash ?? 0} in the trash)`),
    );
  }
  if (check.pendingMigrations.length > 0) {
    lines.push(
      line(
        'note',
        `${plural(check.pendingMigrations.length, 'upgrade')} to apply (${check.pendingMigrations.join(', ')}): done, with a backup first, when the library is next opened`,
      ),
    );
  }
  return lines;
}

function backupLines(check: LibraryCheck): string[] {
  const { backups, newestGoodBackup: good } = check;
  const folder = backupFolder(check.path);
  if (backups.length === 0) {
    return [line('note', `no backups yet in ${folder} (filmfolio backup takes one now)`)];
  }
  if (!good)
    return [
      line(
        'PROBLEM',
        `${plural(backups.length, 'backup')} in ${folder}, but none passes its integrity check`,
      ),
    ];
  return [
    line(
      'ok',
      `${plural(backups.length, 'backup')} in ${folder}; the newest good one is from ${localTime(good.createdAt)} (${BACKUP_REASON_LABELS[good.reason].toLowerCase()}, ${fileSize(good.bytes)}): ${good.name}`,
    ),
  ];
}

function verdict(check: LibraryCheck): string {
  if (check.status === 'sound') return 'The library is sound.\n';
  if (check.status !== 'damaged') return 'This is not a library Filmfolio can open.\n';
  const good = check.newestGoodBackup;
  const restore = good
    ? `To bring it back as it was on ${localTime(good.createdAt)}, run:\n  filmfolio --library "${check.path}" restore "${good.path}"\nThe damaged file is then kept aside (renamed, never overwritten).\n`
    : 'There is no good backup to restore; SQLite’s own tools may still recover its films (sqlite3 FILE .recover).\n';
  return `The library is damaged; nothing was changed.\n${restore}`;
}

/**
 * `filmfolio check`: the checks the app runs when it opens a library, and a few more, printed one a
 * line; nothing is written. Exit 1 when the library is damaged, missing or not a library.
 */
export async function checkCommand(path: string, command: CheckCommand, io: CliIo): Promise<ExitStatus> {
  const check = await checkLibraryFile(path, { check: command.full ? 'integrity_check' : 'quick_check' });
  const status = check.status === 'sound' ? EXIT.ok : EXIT.rejected;
  if (command.json) {
    io.out(`${JSON.stringify(check, null, 2)}\n`);
    return status;
  }
  const lines = [
    line('Library', `${path}${check.status === 'missing' ? '' : ` (${fileSize(check.bytes)})`}`),
    ...contentLines(check),
    ...(check.status === 'missing' ? [] : backupLines(check)),
    ...(check.cloudSync ? [line('WARNING', check.cloudSync.message)] : []),
  ];
  io.out(`${lines.join('\n')}\n${verdict(check)}`);
  return status;
}
