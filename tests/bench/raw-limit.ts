import Database from 'better-sqlite3';
import type { Film } from '../../src/shared/film-schema';
import { openDatabase } from '../../src/main/library/database';
import { RAW_TABLES, RawRows, type RawTable } from './raw-rows';
import { termsOf } from '../../src/main/library/search-terms';
import { tidySearchIndexes } from '../../src/main/library/search-tidy';

/**
 * The physical limit an import is compared with: the same rows and the same search-index text,
 * made in memory beforehand, inserted with plain better-sqlite3 prepared statements in one
 * transaction, table by table, into the library's own tables and indexes (every migration), with
 * the same pragmas but foreign keys. Any triggers are dropped while it runs (the rows already carry
 * what they would compute); they are put back afterwards, so the file is a valid library.
 */

export type RawTiming = {
  /** The whole transaction, BEGIN to COMMIT. */
  ms: number;
  /** Of which: the search index rows. */
  ftsMs: number;
  /** CPU time of the transaction (this process, all threads). */
  cpuMs: number;
  rows: number;
  films: number;
};

type Sqlite = Database.Database;

/** A page cache of 1 GiB (negative: KiB), so seeding never waits on index pages. */
const SEED_CACHE_KIB = -1_048_576;

/**
 * Opens a library file as the app does (database.ts: WAL, full sync, its page cache), without
 * Kysely, and without foreign keys: the limit checks nothing (a bulk import checks them once, at
 * its end, and that check is part of its time).
 */
function openPlain(path: string): Sqlite {
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('cache_size = -65536');
  return sqlite;
}

/** Creates an empty, migrated library at `path` and takes its triggers off; answers their SQL. */
export async function emptyRawLibrary(path: string): Promise<string[]> {
  const library = await openDatabase(path);
  try {
    const triggers = library.sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
      .all() as { name: string; sql: string }[];
    for (const { name } of triggers) library.sqlite.exec(`DROP TRIGGER ${name}`);
    return triggers.map((trigger) => trigger.sql);
  } finally {
    await library.close();
  }
}

function insertStatement(sqlite: Sqlite, table: RawTable) {
  const columns = RAW_TABLES[table];
  return sqlite.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
}

/**
 * The search_terms rows of the films in `rows` (the index's terms of their search text, made with
 * the library's own tokenizer rules), leaving out those in `known`, which it then holds too.
 */
function addTermRows(sqlite: Sqlite, rows: RawRows, known: Set<string>): void {
  const texts = rows.tables.films_fts.flatMap((row) => row.slice(1) as string[]);
  for (const term of termsOf(sqlite, texts)) {
    if (known.has(term)) continue;
    known.add(term);
    rows.tables.search_terms.push([term]);
  }
}

/** Inserts every prepared row, table by table; answers the milliseconds spent on the search index. */
function insertAll(sqlite: Sqlite, rows: RawRows): number {
  let ftsMs = 0;
  for (const table of Object.keys(RAW_TABLES) as RawTable[]) {
    const statement = insertStatement(sqlite, table);
    const started = performance.now();
    for (const row of rows.tables[table]) statement.run(row);
    if (table === 'films_fts' || table === 'films_title_fts') ftsMs += performance.now() - started;
  }
  return ftsMs;
}

/** Times the raw insert of `rows` into a new library at `path`; the file is a valid library after. */
export async function timeRawInsert(path: string, rows: RawRows): Promise<RawTiming> {
  const triggers = await emptyRawLibrary(path);
  const sqlite = openPlain(path);
  try {
    // Made afresh each time, so the same rows can be timed again into another new library.
    rows.tables.search_terms.length = 0;
    addTermRows(sqlite, rows, new Set());
    const started = performance.now();
    const cpuAtStart = process.cpuUsage();
    sqlite.exec('BEGIN');
    const ftsMs = insertAll(sqlite, rows);
    sqlite.exec('COMMIT');
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuAtStart);
    for (const trigger of triggers) sqlite.exec(trigger);
    return { ms, ftsMs, cpuMs: (cpu.user + cpu.system) / 1000, rows: rows.rowCount, films: rows.filmCount };
  } finally {
    sqlite.close();
  }
}

/** Drops the secondary indexes (building them once at the end is quicker than keeping them up); answers their SQL. */
function dropIndexes(sqlite: Sqlite): string[] {
  const indexes = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    .all() as { name: string; sql: string }[];
  for (const { name } of indexes) sqlite.exec(`DROP INDEX ${name}`);
  return indexes.map((index) => index.sql);
}

/**
 * Writes films into a new library through the raw path a chunk at a time, in one transaction: how
 * the bench builds a library too big to import within its time (100,000 full films). Not timed,
 * so it writes as fast as SQLite can (no journal, no sync, a large page cache, indexes built at the
 * end); then its search indexes are tidied, as the app does while the window is quiet
 * (search-tidier.ts), and the file is put back in WAL mode, as the app keeps it.
 */
export async function seedRawLibrary(path: string, films: Iterable<Film>, chunk = 2_000): Promise<number> {
  const triggers = await emptyRawLibrary(path);
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma(`cache_size = ${SEED_CACHE_KIB}`);
  const rows = new RawRows();
  const terms = new Set<string>();
  let count = 0;
  try {
    sqlite.exec('BEGIN');
    const indexes = dropIndexes(sqlite);
    for (const film of films) {
      rows.add(film);
      count += 1;
      if (count % chunk === 0) {
        addTermRows(sqlite, rows, terms);
        insertAll(sqlite, rows);
        rows.clear();
      }
    }
    addTermRows(sqlite, rows, terms);
    insertAll(sqlite, rows);
    for (const index of indexes) sqlite.exec(index);
    sqlite.exec('COMMIT');
    for (const trigger of triggers) sqlite.exec(trigger);
    // As the app leaves a library it has held a while: its search indexes tidied when it was quiet.
    tidySearchIndexes(sqlite);
    sqlite.pragma('journal_mode = WAL');
    return count;
  } finally {
    sqlite.close();
  }
}
