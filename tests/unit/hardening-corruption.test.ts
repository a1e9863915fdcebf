import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import type { CliIo } from '../../src/cli/io';
import type { Outcome } from '../../src/shared/contract';
import type { BackupSummary, RestoreResult } from '../../src/shared/backups';
import type { LibraryHealth } from '../../src/shared/library-health';
import { desktopBackupContext } from '../../src/main/backup-handlers';
import { dispatch } from '../../src/main/dispatch';
import { createHandlers } from '../../src/main/handlers';
import { openLibrary } from '../../src/main/library';
import { backupLibrary } from '../../src/main/library/backup';
import { DamagedLibraryError } from '../../src/main/library/health';
import { inspectFile } from '../../src/main/library/sqlite-files';
import { createLibraryGuard } from '../../src/main/library-guard';
import { startLibrarySwitcher } from '../../src/main/library-switcher';
import { openSettingsFile } from '../../src/main/settings';
import { samplePath, tempFolder } from '../support/temp-library';

/**
 * Damaged library files: cut short, random bytes, and a WAL deleted in the middle of a write (a
 * checkpoint cut off halfway, its journal then gone). Each time: a clear message, the damaged file
 * kept byte for byte, and the newest good backup restored, through the app's handlers and the CLI.
 */

const BACKUP_TIME = new Date('2026-11-20T08:15:00.000Z');
const KEPT_FILMS = 120;

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A library of 120 films with a backup of them, then one film more that no backup holds. */
async function libraryWithBackup(): Promise<{ path: string; backup: string }> {
  const path = join(tempFolder(), 'Films.filmfolio.sqlite');
  const library = await openLibrary(path);
  for (let i = 0; i < KEPT_FILMS; i += 1) {
    library.create({ title: `Kept Film ${i}`, year: 1950 + (i % 60), cast: [{ person: `Actor ${i}` }] });
  }
  const backup = await backupLibrary(library.sqlite, path, 'daily', BACKUP_TIME);
  library.create({ title: 'Added After The Backup', year: 2026 });
  await library.close();
  return { path, backup };
}

function cutShort(path: string): void {
  const bytes = readFileSync(path);
  writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
}

function randomBytes(path: string): void {
  const bytes = Buffer.alloc(readFileSync(path).length);
  let state = 20_261_126;
  for (let index = 0; index < bytes.length; index += 1) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    bytes[index] = state >>> 24;
  }
  writeFileSync(path, bytes);
}

/** The newest version of each page the WAL holds in committed transactions. */
function committedPages(wal: Buffer): { pageSize: number; pages: Map<number, Buffer> } {
  const pageSize = wal.readUInt32BE(8);
  const pages = new Map<number, Buffer>();
  let pending = new Map<number, Buffer>();
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    pending.set(wal.readUInt32BE(at), wal.subarray(at + 24, at + 24 + pageSize));
    if (wal.readUInt32BE(at + 4) === 0) continue;
    for (const [page, bytes] of pending) pages.set(page, bytes);
    pending = new Map();
  }
  return { pageSize, pages };
}

/**
 * A write left in the WAL (as a crash leaves it), then a checkpoint that copied the lower half of
 * its pages into the file before it stopped, then the WAL deleted: the file holds half old pages,
 * half new ones.
 */
function walDeletedMidWrite(path: string): void {
  const scratch = `${path}.scratch`;
  copyFileSync(path, scratch);
  const writer = new Database(scratch);
  writer.pragma('journal_mode = WAL');
  writer.pragma('wal_autocheckpoint = 0');
  writer.exec(
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO people (name) SELECT 'Extra person ' || i FROM n",
  );
  writer.exec("UPDATE films SET title = title || ' (edited)'");
  const wal = readFileSync(`${scratch}-wal`);
  writer.close();
  rmSync(scratch);
  const { pageSize, pages } = committedPages(wal);
  const order = [...pages.keys()].sort((a, b) => a - b);
  const file = openSync(path, 'r+');
  for (const page of order.slice(0, Math.floor(order.length / 2))) {
    writeSync(file, pages.get(page) as Buffer, 0, pageSize, (page - 1) * pageSize);
  }
  closeSync(file);
  for (const side of ['-wal', '-shm']) rmSync(`${path}${side}`, { force: true });
}

const DAMAGES = [
  { kind: 'a file cut short', damage: cutShort },
  { kind: 'a file of random bytes', damage: randomBytes },
  { kind: 'a library whose -wal was deleted mid-write', damage: walDeletedMidWrite },
];

async function damagedLibrary(damage: (path: string) => void) {
  const setUp = await libraryWithBackup();
  damage(setUp.path);
  expect(inspectFile(setUp.path, 'quick_check').length, 'the damage is real').toBeGreaterThan(0);
  return { ...setUp, damaged: digest(setUp.path) };
}

function titlesIn(path: string): string[] {
  const sqlite = new Database(path, { readonly: true });
  try {
    return sqlite.prepare('SELECT title FROM films').pluck().all() as string[];
  } finally {
    sqlite.close();
  }
}

function capture(): CliIo & { text: () => string } {
  let text = '';
  return {
    out: (t) => void (text += t),
    err: (t) => void (text += t),
    errIsTerminal: false,
    text: () => text,
  };
}

const value = <T>(outcome: Outcome<unknown>): T => {
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value as T;
};

describe.each(DAMAGES)('$kind', ({ damage }) => {
  it('opening it says so in plain words, names the newest good backup, and writes nothing', async () => {
    const { path, backup, damaged } = await damagedLibrary(damage);
    const error = await openLibrary(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DamagedLibraryError);
    const { notice, message } = error as DamagedLibraryError;
    expect(notice).toMatchObject({
      libraryPath: path,
      keptAsidePath: null,
      newestBackup: { name: backup.split('/').at(-1), createdAt: BACKUP_TIME.toISOString(), reason: 'daily' },
    });
    expect(notice.problems.length).toBeGreaterThan(0);
    expect(message).toContain(`The library file ${path} is damaged and could not be opened`);
    expect(message).toContain('nothing was written to it');
    expect(message).toContain('The newest good backup is from');
    expect(digest(path)).toBe(damaged);
  });

  it('the app keeps it aside untouched, opens an empty library, says what happened, and restores the backup', async () => {
    const { path, damaged } = await damagedLibrary(damage);
    const userData = tempFolder();
    const settings = openSettingsFile(userData);
    const guard = createLibraryGuard({
      open: (p, o) => openLibrary(p, o),
      backupsKept: () => 10,
      warn: () => {},
    });
    const libraries = await startLibrarySwitcher({
      settings,
      openLibrary: guard.open,
      startup: { path, chosenInApp: true, missing: null },
    });
    try {
      const handlers = createHandlers({
        library: () => libraries.current(),
        samplePath,
        backups: desktopBackupContext(settings, libraries, guard),
      });
      const health = value<LibraryHealth>(await dispatch(handlers, 'library:health', []));
      const aside = health.damage?.keptAsidePath as string;
      expect(aside.startsWith(`${path}.damaged-`)).toBe(true);
      expect(digest(aside)).toBe(damaged);
      expect(libraries.current().count()).toBe(0);

      const [newest] = value<BackupSummary[]>(await dispatch(handlers, 'backups:list', []));
      expect(health.damage?.newestBackup).toEqual(newest);
      const restored = value<RestoreResult>(await dispatch(handlers, 'backups:restore', [newest?.name]));
      expect(restored).toMatchObject({ filmCount: KEPT_FILMS, safetyBackup: null, keptAsidePath: null });
      expect(libraries.current().count()).toBe(KEPT_FILMS);
      expect(libraries.current().sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(value<LibraryHealth>(await dispatch(handlers, 'library:health', [])).damage).toBeNull();
      expect(digest(aside)).toBe(damaged);
    } finally {
      await guard.idle();
      await libraries.close();
    }
  });

  it('the CLI: check prints the damage and how to restore (exit 1); restore FILE brings the backup back', async () => {
    const { path, backup, damaged } = await damagedLibrary(damage);
    const env = { FILMFOLIO_LIBRARY: '', XDG_CONFIG_HOME: tempFolder() };
    const check = capture();
    expect(await runCli(['--library', path, 'check'], check, env)).toBe(1);
    expect(check.text()).toContain("DAMAGED   SQLite's quick_check found damage:");
    expect(check.text()).toContain(`filmfolio --library "${path}" restore "${backup}"`);
    expect(digest(path)).toBe(damaged);

    const list = capture();
    expect(await runCli(['--library', path, 'list'], list, env)).toBe(1);
    expect(list.text()).toContain('is damaged and could not be opened');

    const restore = capture();
    expect(await runCli(['--library', path, 'restore', backup], restore, env)).toBe(0);
    expect(restore.text()).toMatch(
      /^Restored .+ from the backup of .+: 120 films\.\nThe damaged file was kept aside at (.+)\.\n$/,
    );
    const aside = /kept aside at (.+)\.\n$/.exec(restore.text())?.[1] as string;
    expect(digest(aside)).toBe(damaged);
    expect(titlesIn(path)).toHaveLength(KEPT_FILMS);
    expect(await runCli(['--library', path, 'check'], capture(), env)).toBe(0);
  });
});

describe('restoring over a sound library', () => {
  it('backs the library up first, so the restore itself can be undone', async () => {
    const { path, backup } = await libraryWithBackup();
    const env = { FILMFOLIO_LIBRARY: '', XDG_CONFIG_HOME: tempFolder() };
    const io = capture();
    expect(await runCli(['--library', path, 'restore', backup.split('/').at(-1) as string], io, env)).toBe(0);
    // No journal of the old file is left to be played into the restored one.
    expect(existsSync(`${path}-wal`)).toBe(false);
    const safety = /backed up at (.+)\.\n$/.exec(io.text())?.[1] as string;
    expect(safety).toMatch(/-before-restore\.sqlite$/);
    expect(titlesIn(safety)).toContain('Added After The Backup');
    expect(titlesIn(path)).not.toContain('Added After The Backup');
  });

  it('refuses a backup that fails its check, and changes nothing', async () => {
    const { path } = await libraryWithBackup();
    const before = digest(path);
    const bad = join(tempFolder(), 'bad.sqlite');
    writeFileSync(bad, 'SQLite format 3\0 and then nothing');
    const io = capture();
    expect(await runCli(['--library', path, 'restore', bad], io, { FILMFOLIO_LIBRARY: '' })).toBe(1);
    expect(io.text()).toContain(`${bad} cannot be restored`);
    expect(io.text()).toContain('Nothing was changed');
    expect(digest(path)).toBe(before);
  });

  it('refuses while another program has the library open', async () => {
    const { path, backup } = await libraryWithBackup();
    const other = await openLibrary(path);
    try {
      other.create({ title: 'Being Edited Elsewhere', year: 2026 });
      const io = capture();
      expect(await runCli(['--library', path, 'restore', backup], io, { FILMFOLIO_LIBRARY: '' })).toBe(1);
      expect(io.text()).toContain('is open in another program');
      expect(other.count()).toBe(KEPT_FILMS + 2);
    } finally {
      await other.close();
    }
    expect(titlesIn(path)).toContain('Being Edited Elsewhere');
  });
});
