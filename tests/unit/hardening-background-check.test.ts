import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { BackupSummary, RestoreResult } from '../../src/shared/backups';
import type { Outcome } from '../../src/shared/contract';
import { describeDamage, type LibraryHealth } from '../../src/shared/library-health';
import { desktopBackupContext } from '../../src/main/backup-handlers';
import { dispatch } from '../../src/main/dispatch';
import { createHandlers, type Handlers } from '../../src/main/handlers';
import { openLibrary, type Library } from '../../src/main/library';
import { backupLibrary, listBackups } from '../../src/main/library/backup';
import { migrateTo, openDatabase } from '../../src/main/library/database';
import { DamagedLibraryError } from '../../src/main/library/health';
import { migrations } from '../../src/main/library/migrations';
import { inspectFile, inspectFileInBackground } from '../../src/main/library/sqlite-files';
import { createLibraryGuard, type LibraryGuard } from '../../src/main/library-guard';
import { startLibrarySwitcher, type LibrarySwitcher } from '../../src/main/library-switcher';
import { openSettingsFile } from '../../src/main/settings';
import { samplePath, tempFolder } from '../support/temp-library';

/**
 * Opening reads only what is cheap (the header, the schema, the edges of every table); SQLite's
 * quick_check reads the whole file in the background, in a worker. Damage deep inside a file is
 * found there, and then handled as damage found on opening: the file kept aside, the window
 * reloaded over an empty library, the newest good backup offered.
 */

const BACKUP_TIME = new Date('2026-11-20T08:15:00.000Z');
const KEPT_FILMS = 30;
const PEOPLE = 6_000;

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

const value = <T>(outcome: Outcome<unknown>): T => {
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value as T;
};

/** Thousands of people, so their table's b-tree has many leaves between its first and its last. */
function addPeople(path: string, count = PEOPLE, from = 0): void {
  const sqlite = new Database(path);
  sqlite.exec(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count}) INSERT INTO people (name) SELECT 'Person number ' || (i + ${from}) FROM n`,
  );
  sqlite.close();
}

/** A library with films and many people, a backup of it, then one film more that no backup holds. */
async function libraryWithBackup(): Promise<{ path: string; backup: string }> {
  const path = join(tempFolder(), 'Films.filmfolio.sqlite');
  const library = await openLibrary(path);
  for (let i = 0; i < KEPT_FILMS; i += 1) library.create({ title: `Kept Film ${i}`, year: 1950 + i });
  await library.close();
  addPeople(path);
  const again = await openLibrary(path);
  const backup = await backupLibrary(again.sqlite, path, 'daily', BACKUP_TIME);
  again.create({ title: 'Added After The Backup', year: 2026 });
  await again.close();
  return { path, backup };
}

/** Random bytes over a leaf of `people` in the middle of its b-tree: neither its first nor its last row. */
function damageDeepInside(path: string): void {
  const sqlite = new Database(path, { readonly: true });
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  const leaves = sqlite
    .prepare("SELECT pageno FROM dbstat WHERE name = 'people' AND pagetype = 'leaf' ORDER BY path")
    .pluck()
    .all() as number[];
  sqlite.close();
  expect(leaves.length, 'people spans many leaves').toBeGreaterThan(10);
  const page = leaves[Math.floor(leaves.length / 2)] as number;
  const bytes = Buffer.alloc(pageSize);
  let state = 8_112_026;
  for (let index = 0; index < bytes.length; index += 1) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    bytes[index] = state >>> 24;
  }
  const file = openSync(path, 'r+');
  writeSync(file, bytes, 0, pageSize, (page - 1) * pageSize);
  closeSync(file);
}

async function deeplyDamaged(): Promise<{ path: string; backup: string; damaged: string }> {
  const setUp = await libraryWithBackup();
  damageDeepInside(setUp.path);
  expect(inspectFile(setUp.path, 'quick_check').length, 'the damage is real').toBeGreaterThan(0);
  return { ...setUp, damaged: digest(setUp.path) };
}

type App = { handlers: Handlers; libraries: LibrarySwitcher; guard: LibraryGuard; switched: Library[] };

/** The app's wiring (src/main/index.ts): the guard opens, the switcher holds, the guard may replace. */
async function startApp(path: string, settleMs?: number, now?: () => Date): Promise<App> {
  const settings = openSettingsFile(tempFolder());
  const guard = createLibraryGuard({
    open: (p, o) => openLibrary(p, o),
    backupsKept: () => 10,
    warn: () => {},
    ...(settleMs === undefined ? {} : { settleMs }),
    ...(now ? { now } : {}),
  });
  const switched: Library[] = [];
  const libraries = await startLibrarySwitcher({
    settings,
    openLibrary: guard.open,
    startup: { path, chosenInApp: true, missing: null },
    onSwitched: (library) => switched.push(library),
  });
  guard.useSwitcher(libraries);
  const handlers = createHandlers({
    library: () => libraries.current(),
    samplePath,
    backups: desktopBackupContext(settings, libraries, guard),
  });
  return { handlers, libraries, guard, switched };
}

describe('opening', () => {
  it('a library damaged deep inside opens at once (the cheap checks pass) and nothing is written to it', async () => {
    const { path, damaged } = await deeplyDamaged();
    const library = await openLibrary(path);
    expect(library.count()).toBe(KEPT_FILMS + 1);
    await library.close();
    expect(digest(path)).toBe(damaged);
  });

  it('a file whose schema is broken is still refused at once, and left as it was', async () => {
    const { path } = await libraryWithBackup();
    const sqlite = new Database(path);
    // better-sqlite3 guards the schema (SQLite's defensive mode) unless told otherwise.
    sqlite.unsafeMode(true);
    sqlite.pragma('writable_schema = ON');
    sqlite.prepare("UPDATE sqlite_master SET sql = 'CREATE TABLE people (' WHERE name = 'people'").run();
    sqlite.close();
    const before = digest(path);
    const error = await openLibrary(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DamagedLibraryError);
    expect((error as DamagedLibraryError).notice.problems[0]).toMatch(/malformed database schema/);
    expect(digest(path)).toBe(before);
  });

  it('a library about to be migrated is read whole first: deep damage refuses the upgrade', async () => {
    const path = join(tempFolder(), 'Old.filmfolio.sqlite');
    const database = await openDatabase(path, { migrate: false });
    await migrateTo(database, Object.keys(migrations).at(-2) as string);
    await database.close();
    addPeople(path);
    damageDeepInside(path);
    const before = digest(path);
    const error = await openLibrary(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DamagedLibraryError);
    expect(digest(path)).toBe(before);
    expect(await listBackups(path)).toEqual([]);
  });

  it('asked for, opening reads the whole file first, as the command line may want', async () => {
    const { path } = await deeplyDamaged();
    await expect(openLibrary(path, { check: 'quick_check' })).rejects.toBeInstanceOf(DamagedLibraryError);
  });
});

describe('the check in a worker', () => {
  it('finds what inspectFile finds, and says whether the file is a Filmfolio library', async () => {
    const { path, backup } = await deeplyDamaged();
    expect((await inspectFileInBackground(path, 'quick_check')).problems).toEqual(
      inspectFile(path, 'quick_check'),
    );
    expect(await inspectFileInBackground(backup, 'integrity_check')).toEqual({
      problems: [],
      isLibrary: true,
    });
    const notADatabase = join(tempFolder(), 'notes.sqlite');
    await import('node:fs/promises').then((fs) => fs.writeFile(notADatabase, 'x'.repeat(4096)));
    expect((await inspectFileInBackground(notADatabase, 'quick_check')).problems[0]).toMatch(
      /not an SQLite database/,
    );
    await expect(inspectFileInBackground(join(tempFolder(), 'gone.sqlite'), 'quick_check')).rejects.toThrow(
      /unable to open|directory does not exist|no such file/i,
    );
  });
});

describe('the app', () => {
  it('finds deep damage in the background: keeps the file aside, opens an empty library, offers the backup', async () => {
    const { path, backup, damaged } = await deeplyDamaged();
    const app = await startApp(path);
    try {
      // Opened, as it looks sound from outside.
      expect(app.libraries.current().count()).toBe(KEPT_FILMS + 1);
      await app.guard.idle();
      const health = value<LibraryHealth>(await dispatch(app.handlers, 'library:health', []));
      expect(health.damage).toMatchObject({
        libraryPath: path,
        foundInBackground: true,
        newestBackup: { name: basename(backup), reason: 'daily' },
      });
      expect(health.damage?.problems.length).toBeGreaterThan(0);
      const aside = health.damage?.keptAsidePath as string;
      expect(aside.startsWith(`${path}.damaged-`)).toBe(true);
      expect(digest(aside)).toBe(damaged);
      // The window is reloaded over the empty library that took its place.
      expect(app.switched).toEqual([app.libraries.current()]);
      expect(app.libraries.current().count()).toBe(0);
      expect(describeDamage(health.damage!, String).join(' ')).toContain(
        'the check that reads the whole file after it opens found it',
      );

      const restored = value<RestoreResult>(
        await dispatch(app.handlers, 'backups:restore', [health.damage?.newestBackup?.name]),
      );
      expect(restored.filmCount).toBe(KEPT_FILMS);
      expect(value<LibraryHealth>(await dispatch(app.handlers, 'library:health', [])).damage).toBeNull();
      expect(digest(aside)).toBe(damaged);
    } finally {
      await app.guard.idle();
      await app.libraries.close();
    }
  });

  it('waits for the first page (or settleMs) before the check and the daily backup', async () => {
    const { path } = await libraryWithBackup();
    const app = await startApp(path, 60_000);
    try {
      const before = await listBackups(path);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await listBackups(path)).toEqual(before);
      app.guard.settled();
      await app.guard.idle();
      const reasons = (await listBackups(path)).map((entry) => entry.reason);
      expect(reasons).toEqual(['daily', 'daily']);
    } finally {
      await app.libraries.close();
    }
  });

  it('closing while the check runs waits for it: no journal is left beside the file', async () => {
    const { path } = await libraryWithBackup();
    // Enough rows that the check is still reading when the library closes.
    addPeople(path, 400_000, PEOPLE);
    const app = await startApp(path, 60_000);
    app.guard.settled();
    await new Promise((resolve) => setTimeout(resolve, 250));
    await app.libraries.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    await app.guard.idle();
  });

  it('a window left open for days: the hourly tick checks the whole file again once a day has passed', async () => {
    const { path } = await libraryWithBackup();
    let clock = Date.now();
    const app = await startApp(path, undefined, () => new Date(clock));
    try {
      await app.guard.idle();
      damageDeepInside(path);
      clock += 60 * 60 * 1000;
      await app.guard.hourly(app.libraries.current());
      expect(app.guard.damage(path)).toBeNull();
      clock += 24 * 60 * 60 * 1000;
      await app.guard.hourly(app.libraries.current());
      await app.guard.idle();
      expect(app.guard.damage(path)).toMatchObject({ foundInBackground: true });
      expect(app.libraries.current().count()).toBe(0);
    } finally {
      await app.libraries.close();
    }
  });

  it('a sound library stays open and is not reloaded', async () => {
    const { path } = await libraryWithBackup();
    const app = await startApp(path);
    try {
      await app.guard.idle();
      expect(app.switched).toEqual([]);
      expect(app.libraries.current().count()).toBe(KEPT_FILMS + 1);
      const health = value<LibraryHealth>(await dispatch(app.handlers, 'library:health', []));
      expect(health.damage).toBeNull();
      expect(value<BackupSummary[]>(await dispatch(app.handlers, 'backups:list', []))[0]?.reason).toBe(
        'daily',
      );
    } finally {
      await app.libraries.close();
    }
  });
});
