import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BACKUP_FILE_PATTERN } from '../../src/shared/backups';
import type { Library } from '../../src/main/library';
import {
  backupFolder,
  backupIfDue,
  backupLibrary,
  BackupError,
  backupProblems,
  listBackups,
  newestGoodBackup,
  pruneBackups,
} from '../../src/main/library/backup';
import { sampleFilm, tempLibrary } from '../support/temp-library';

const DAY = 24 * 60 * 60 * 1000;

async function libraryWithFilm(): Promise<Library> {
  const library = await tempLibrary();
  library.create(sampleFilm());
  return library;
}

const titlesIn = (path: string) => {
  const sqlite = new Database(path, { readonly: true });
  try {
    return sqlite.prepare('SELECT title FROM films ORDER BY title').pluck().all();
  } finally {
    sqlite.close();
  }
};

describe('a backup', () => {
  it('is a whole, self-contained copy named by when and why, that passes integrity_check', async () => {
    const library = await libraryWithFilm();
    const path = await backupLibrary(
      library.sqlite,
      library.path,
      'manual',
      new Date('2026-11-26T09:30:00.123Z'),
    );
    expect(basename(path)).toBe('2026-11-26T09-30-00-123Z-manual.sqlite');
    expect(readdirSync(backupFolder(library.path))).toEqual([basename(path)]);
    expect(backupProblems(path)).toEqual([]);
    expect(titlesIn(path)).toEqual(['The Work']);
    // A rollback-journal file: nothing beside it is needed to read it.
    expect(readFileSync(path).subarray(18, 20)).toEqual(Buffer.from([1, 1]));
  });

  it('two in the same millisecond get two names', async () => {
    const library = await libraryWithFilm();
    const now = new Date('2026-11-26T09:30:00.000Z');
    const first = await backupLibrary(library.sqlite, library.path, 'manual', now);
    const second = await backupLibrary(library.sqlite, library.path, 'manual', now);
    expect(first).not.toBe(second);
    expect((await listBackups(library.path)).map((b) => b.name)).toEqual([basename(second), basename(first)]);
  });

  it('is refused while a change is being written on the connection (the copy would hold it half done)', async () => {
    const library = await libraryWithFilm();
    library.sqlite.exec('BEGIN IMMEDIATE');
    try {
      await expect(backupLibrary(library.sqlite, library.path, 'manual')).rejects.toThrow(BackupError);
    } finally {
      library.sqlite.exec('ROLLBACK');
    }
    expect(existsSync(backupFolder(library.path))).toBe(false);
  });

  it('that was interrupted never shows as a backup, and is cleared once stale', async () => {
    const library = await libraryWithFilm();
    const folder = backupFolder(library.path);
    await backupLibrary(library.sqlite, library.path, 'manual');
    const partial = join(folder, '2026-01-01T00-00-00-000Z-daily.sqlite.partial');
    writeFileSync(partial, 'half a copy');
    writeFileSync(join(folder, 'notes.txt'), 'mine');
    expect(await listBackups(library.path)).toHaveLength(1);
    await pruneBackups(library.path, 10);
    expect(existsSync(partial)).toBe(true); // it may still be running
    utimesSync(partial, new Date(Date.now() - DAY), new Date(Date.now() - DAY));
    await pruneBackups(library.path, 10);
    expect(existsSync(partial)).toBe(false);
    expect(existsSync(join(folder, 'notes.txt'))).toBe(true);
  });
});

describe('rotation', () => {
  it('keeps the newest N of every kind, at least one, and nothing else in the folder is touched', async () => {
    const library = await libraryWithFilm();
    const reasons = ['before-import', 'daily', 'manual', 'before-migration', 'before-restore'] as const;
    const made: string[] = [];
    for (const [index, reason] of reasons.entries()) {
      made.push(
        await backupLibrary(library.sqlite, library.path, reason, new Date(Date.UTC(2026, 0, index + 1))),
      );
    }
    writeFileSync(join(backupFolder(library.path), 'my-notes.txt'), 'keep me');
    const removed = await pruneBackups(library.path, 3);
    expect(removed).toEqual([made[1], made[0]]);
    expect(readdirSync(backupFolder(library.path)).sort()).toEqual(
      [...made.slice(2).map((path) => basename(path)), 'my-notes.txt'].sort(),
    );
    await pruneBackups(library.path, 0);
    expect((await listBackups(library.path)).map((b) => b.path)).toEqual([made[4]]);
  });

  it('lists backups newest first with date, reason and size', async () => {
    const library = await libraryWithFilm();
    await backupLibrary(library.sqlite, library.path, 'daily', new Date('2026-03-01T10:00:00.000Z'));
    await backupLibrary(library.sqlite, library.path, 'before-import', new Date('2026-03-02T10:00:00.000Z'));
    const listed = await listBackups(library.path);
    expect(listed.map(({ createdAt, reason }) => ({ createdAt, reason }))).toEqual([
      { createdAt: '2026-03-02T10:00:00.000Z', reason: 'before-import' },
      { createdAt: '2026-03-01T10:00:00.000Z', reason: 'daily' },
    ]);
    for (const backup of listed) {
      expect(backup.name).toMatch(BACKUP_FILE_PATTERN);
      expect(backup.bytes).toBe(statSync(backup.path).size);
    }
  });

  it('the newest good backup skips one that fails its integrity check', async () => {
    const library = await libraryWithFilm();
    const good = await backupLibrary(
      library.sqlite,
      library.path,
      'daily',
      new Date('2026-03-01T10:00:00.000Z'),
    );
    const broken = await backupLibrary(
      library.sqlite,
      library.path,
      'daily',
      new Date('2026-03-02T10:00:00.000Z'),
    );
    const bytes = readFileSync(broken);
    writeFileSync(broken, bytes.subarray(0, bytes.length / 2));
    expect(backupProblems(broken).length).toBeGreaterThan(0);
    expect((await newestGoodBackup(library.path))?.path).toBe(good);
  });
});

describe('the daily backup', () => {
  it('is taken when the library holds films and has no backup yet, not for an empty library', async () => {
    const empty = await tempLibrary();
    expect(await backupIfDue(empty.sqlite, empty.path)).toBeNull();
    const library = await libraryWithFilm();
    const taken = await backupIfDue(library.sqlite, library.path, { keep: 10 });
    expect(taken && basename(taken)).toMatch(/-daily\.sqlite$/);
  });

  it('waits a day after the last backup, and is skipped when nothing changed since', async () => {
    const library = await libraryWithFilm();
    const start = new Date();
    await backupLibrary(library.sqlite, library.path, 'before-import', start);
    expect(
      await backupIfDue(library.sqlite, library.path, { now: new Date(start.getTime() + DAY / 2) }),
    ).toBeNull();
    // A day later, but the file has not changed since the backup.
    const past = new Date(start.getTime() - 60_000);
    for (const file of [library.path, `${library.path}-wal`])
      if (existsSync(file)) utimesSync(file, past, past);
    expect(
      await backupIfDue(library.sqlite, library.path, { now: new Date(start.getTime() + DAY + 1) }),
    ).toBeNull();
    library.create({ title: 'Changed Since', year: 2001 });
    const later = new Date(Date.now() + DAY + 1);
    const taken = await backupIfDue(library.sqlite, library.path, { now: later, keep: 10 });
    expect(taken).not.toBeNull();
    expect(titlesIn(taken as string)).toEqual(['Changed Since', 'The Work']);
  });

  it('is copied from a snapshot: a change being written meanwhile neither reaches the copy nor stops it', async () => {
    const library = await libraryWithFilm();
    const taking = backupIfDue(library.sqlite, library.path, { keep: 10 });
    // An import begins on the app's connection while the daily backup is under way.
    library.sqlite.exec('BEGIN IMMEDIATE');
    library.create({ title: 'Not Yet Committed', year: 2001 });
    const taken = await taking;
    library.sqlite.exec('COMMIT');
    expect(titlesIn(taken as string)).toEqual(['The Work']);
    expect(backupProblems(taken as string)).toEqual([]);
    expect(library.count()).toBe(2);
  });

  it('prunes to the setting', async () => {
    const library = await libraryWithFilm();
    for (let day = 1; day <= 3; day += 1) {
      await backupLibrary(library.sqlite, library.path, 'daily', new Date(Date.UTC(2020, 0, day)));
    }
    await backupIfDue(library.sqlite, library.path, { keep: 2 });
    const kept = await listBackups(library.path);
    expect(kept).toHaveLength(2);
    expect(kept[1]?.createdAt).toBe('2020-01-03T00:00:00.000Z');
  });
});
