import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql, type Kysely, type Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/main/library';
import { backupFolder, backupProblems, listBackups } from '../../src/main/library/backup';
import { MigrationError, migrateTo, openDatabase } from '../../src/main/library/database';
import { migrations } from '../../src/main/library/migrations';
import { tempFolder } from '../support/temp-library';

/** Migrations run backup-first; a failed one leaves the file as it was and says which one failed. */

const names = Object.keys(migrations);
const previous = names.at(-2) as string;

/** Everything a file holds, table by table: equal dumps, equal libraries. */
function dump(path: string): string {
  const sqlite = new Database(path, { readonly: true });
  try {
    const tables = sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string; sql: string }[];
    const schema = sqlite.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all();
    const rows = tables.map(({ name }) => sqlite.prepare(`SELECT * FROM "${name}"`).all());
    return JSON.stringify({ schema, rows });
  } finally {
    sqlite.close();
  }
}

/** A library one migration behind, with a film in it (written as that schema allows). */
async function libraryOneBehind(): Promise<string> {
  const path = join(tempFolder(), 'Old.filmfolio.sqlite');
  const database = await openDatabase(path, { migrate: false });
  await migrateTo(database, previous);
  database.sqlite
    .prepare(
      "INSERT INTO films (id, title, sort_title, year, added_at, updated_at) VALUES (?, 'Old Film', 'Old Film', 1931, ?, ?)",
    )
    .run('6f1c2a55-0b7e-4a8e-9f41-2d3c4b5a6e7f', '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z');
  await database.close();
  return path;
}

const broken: Migration = {
  up: async (db: Kysely<unknown>) => {
    await sql`CREATE TABLE half_done (x INTEGER)`.execute(db);
    throw new Error('the disk said no');
  },
};

describe('migrating a library', () => {
  it('backs the file up first; the backup holds the library as it was and passes integrity_check', async () => {
    const path = await libraryOneBehind();
    const before = dump(path);
    const library = await openLibrary(path);
    await library.close();
    const [backup] = await listBackups(path);
    expect(backup?.reason).toBe('before-migration');
    expect(backupProblems(backup?.path as string)).toEqual([]);
    expect(dump(backup?.path as string)).toBe(before);
  });

  it('takes no backup of a new, empty file', async () => {
    const path = join(tempFolder(), 'New.filmfolio.sqlite');
    await (await openLibrary(path)).close();
    expect(existsSync(backupFolder(path))).toBe(false);
  });

  it('a failure rolls every migration of the run back, names the failed one, and says where the backup is', async () => {
    const path = await libraryOneBehind();
    const before = dump(path);
    const error = await openDatabase(path, { migrations: { ...migrations, '9999-broken': broken } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MigrationError);
    const failure = error as MigrationError;
    expect(failure.migration).toBe('9999-broken');
    expect(failure.message).toContain('migration 9999-broken failed (Error: the disk said no)');
    expect(failure.message).toContain('The library file was left as it was.');
    expect(failure.message).toContain(`A backup was taken first: ${failure.backupPath}`);
    // The real migration that ran before the broken one was rolled back with it.
    expect(dump(path)).toBe(before);
    expect(dump(failure.backupPath as string)).toBe(before);
  });

  it('after a failed upgrade the library still opens with the migrations it knows', async () => {
    const path = await libraryOneBehind();
    await openDatabase(path, { migrations: { ...migrations, '9999-broken': broken } }).catch(() => undefined);
    const library = await openLibrary(path);
    const applied = library.sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all();
    expect(applied).toEqual(names);
    await library.close();
  });
});
