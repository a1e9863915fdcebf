import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { isDeepStrictEqual } from 'node:util';
import { problemsOf } from '../../../shared/contract';
import { completeFilm } from '../../../shared/film';
import { filmInputSchema, type Film, type ParsedFilm } from '../../../shared/film-schema';
import { importDecisionsSchema, type ImportDecisions, type ImportResult } from '../../../shared/transfer';
import { backupAndPrune } from '../backup';
import { checkpointLater, holdCheckpoints, releaseCheckpoints, type LibraryDatabase } from '../database';
import { CHILD_TABLES, rememberPeople } from '../film-rows';
import { filmKey, insertCompleteFilm, replaceCompleteFilm } from '../films';
import type { Library } from '../index';
import { readFilms } from '../read-films';
import { addIndexTerms, deferTerms, rememberTerms } from '../search-terms';
import { checkCancelled } from './errors';
import { Pacer, type ProgressCallback } from './pacing';
import { mergeFilms } from './merge-films';
import { actionFor, countActions, readCheckedFilms, type ImportPreview, type IncomingFilm } from './preview';

export type CommitOptions = {
  signal?: AbortSignal;
  /** `(done, total)` in films written. */
  onProgress?: ProgressCallback;
  /** Take a backup first (default). Skipped anyway when the library holds no film. */
  backup?: boolean;
  /** After the backup, keep only this many backups (the oldest go); all are kept when absent. */
  backupsKept?: number;
  /** At most this many films between two yields to the event loop (and progress reports). */
  chunkSize?: number;
  /** At most this long (ms) between two yields; default 30. */
  sliceMs?: number;
  now?: () => string;
};

/** The import cannot be written: rejected films, a library that changed since the preview, a merge that fails. */
export class ImportRefusedError extends Error {
  readonly code = 'REJECTED';
}

const importing = new WeakSet<Database.Database>();

/**
 * True while an import holds its write transaction open on this connection. Writes made on the same
 * connection meanwhile would join that transaction (and vanish with a cancel), so callers that
 * write (IPC handlers) should refuse while this is true.
 */
export function isImportRunning(sqlite: Database.Database): boolean {
  return importing.has(sqlite);
}

type Planned = {
  incoming: IncomingFilm;
  action: 'add' | 'replace' | 'merge' | 'keep-both';
};
/** A planned write with its checked film. */
type Ready = Planned & { film: ParsedFilm };
type Written = { id: string; changed: boolean };

function storedFilm(sqlite: Database.Database, incoming: IncomingFilm): { key: number; film: Film } {
  const id = incoming.match?.filmId ?? '';
  const key = filmKey(sqlite, id);
  const film = key === undefined ? undefined : readFilms(sqlite, [key])[0];
  if (key === undefined || !film) {
    throw new ImportRefusedError(
      `“${incoming.match?.title ?? id}”, which ${incoming.place} of ${incoming.source} duplicates, is no longer in the library; preview the import again.`,
    );
  }
  return { key, film };
}

function mergedFilm(sqlite: Database.Database, incoming: IncomingFilm, film: ParsedFilm, now: string) {
  const { key, film: stored } = storedFilm(sqlite, incoming);
  const merged = filmInputSchema.safeParse(mergeFilms(stored, film), { reportInput: true });
  if (!merged.success) {
    const problems = problemsOf(merged.error).map((p) => `${p.path}: ${p.message}`);
    throw new ImportRefusedError(
      `${incoming.place} of ${incoming.source} cannot be merged into “${stored.title}”: ${problems.join('; ')}. Choose replace or keep both for this film.`,
    );
  }
  const complete = completeFilm({ ...merged.data, id: stored.id, addedAt: stored.addedAt, updatedAt: now });
  return {
    key,
    film: complete,
    changed: !isDeepStrictEqual({ ...complete, updatedAt: stored.updatedAt }, stored),
  };
}

/** SQLite's refusal of a second film with one id (the film row is the first row a film writes). */
const isDuplicateFilmId = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
  (error as Error).message.includes('films.id');

function writeOne(
  sqlite: Database.Database,
  { incoming, action, film: checked }: Ready,
  now: string,
): Written {
  if (action === 'add' || action === 'keep-both') {
    const film = completeFilm(action === 'keep-both' ? { ...checked, id: randomUUID() } : checked, now);
    // The films table's unique id refuses a film added since the preview (even one in the trash):
    // asking first would be one more look-up for every film of the import.
    try {
      insertCompleteFilm(sqlite, film);
    } catch (error) {
      if (!isDuplicateFilmId(error)) throw error;
      throw new ImportRefusedError(
        `A film with the id of ${incoming.place} of ${incoming.source} (“${film.title}”) was added since the preview; preview the import again.`,
      );
    }
    return { id: film.id, changed: true };
  }
  if (action === 'merge') {
    const { key, film, changed } = mergedFilm(sqlite, incoming, checked, now);
    if (changed) replaceCompleteFilm(sqlite, key, film);
    return { id: film.id, changed };
  }
  const { key, film: stored } = storedFilm(sqlite, incoming);
  // A file exported without images says nothing about posters: replacing never deletes one.
  const film = completeFilm({
    ...checked,
    id: stored.id,
    addedAt: checked.addedAt ?? stored.addedAt,
    updatedAt: checked.updatedAt ?? now,
    poster: checked.poster ?? stored.poster,
  });
  replaceCompleteFilm(sqlite, key, film);
  return { id: film.id, changed: true };
}

function plan(preview: ImportPreview, decisions: ImportDecisions) {
  const resolved = importDecisionsSchema.parse(decisions);
  const rows = preview.films.map((incoming) => ({ incoming, action: actionFor(incoming, resolved) }));
  const counts = countActions(rows.map(({ incoming, action }) => ({ status: incoming.status, action })));
  if (counts.rejected > 0 && !resolved.skipRejected) {
    throw new ImportRefusedError(
      `${counts.rejected} of ${counts.total} films were rejected (see their problems); nothing was imported. Fix the file, or import the others without them.`,
    );
  }
  const writes = rows.filter(
    (row): row is Planned =>
      row.incoming.status !== 'rejected' && row.action !== 'skip' && row.action !== 'reject',
  );
  return { counts, writes };
}

/**
 * The planned writes in order, each with its film: the film the preview kept (within its budget,
 * or one that matches a stored film), or the film read again from its source.
 */
async function* readyWrites(preview: ImportPreview, writes: readonly Planned[]): AsyncGenerator<Ready> {
  const unread = new Set(
    writes.filter((planned) => !planned.incoming.film).map((planned) => planned.incoming.index),
  );
  const read = readCheckedFilms(preview, (incoming) => unread.has(incoming.index));
  try {
    for (const planned of writes) {
      if (planned.incoming.film) {
        yield { ...planned, film: planned.incoming.film };
        continue;
      }
      const next = await read.next();
      if (next.done || next.value.incoming !== planned.incoming) {
        throw new Error(
          `${planned.incoming.place} of ${planned.incoming.source} was not read again in its turn.`,
        );
      }
      yield { ...planned, film: next.value.film };
    }
  } finally {
    await read.return(undefined);
  }
}

/**
 * A large import into a smaller library writes in bulk. The secondary indexes of the film tables
 * are set aside and built once at the end, in the same transaction (SQLite builds an index from
 * sorted rows; keeping it up means a random-order B-tree insert per row): writing 10,000 light
 * films took 3.1 s of CPU with the indexes kept up, 2.3 s with them rebuilt. Rebuilding costs in
 * proportion to the whole library, so only an import at least as big as what is stored, and not a
 * small one, does it. Into an empty library it pays from fewer films: with nothing stored the
 * rebuild sorts only what was written (1,000 light films: 13 of 16 paired runs quicker, median CPU
 * 273 → 234 ms; 300 films: no difference either way). Keys and unique indexes (ids, people's
 * names) stay: the import's own look-ups use them, and they must refuse a duplicate as it is written.
 *
 * Foreign keys are likewise checked once at the end instead of row by row (checkForeignKeys): every
 * credit looked its film and its person up as it was written, 1.1 million look-ups at 100,000 light
 * films. Counted by callgrind (instructions, not seconds: the same whatever else the machine does),
 * SQLite's share of importing 10,000 light films fell 3.3 % (7.29 → 7.05 billion), the check at the
 * end included; 1,000 full films 3.1 %. That check reads the whole of each film table, so it too is
 * for bulk imports only.
 *
 * A bulk import keeps the WAL. A rollback journal would write each page once instead of twice (into
 * the WAL, then into the file at the checkpoint): measured in session 8, 10,000 full films 534 →
 * 267 MB written and COMMIT with its checkpoint 0.8–1.0 → 0.3–0.4 s. But while a rollback-journal
 * transaction writes, no other connection can open the library (the command line, another window:
 * "database is locked" once the busy timeout runs out), where WAL lets them read it as it was
 * before the import. tests/unit/import-write-path.test.ts holds that.
 */
const REBUILD_INDEXES_FROM = 2_000;
const REBUILD_INDEXES_INTO_EMPTY_FROM = 500;
const FILM_TABLES = ['films', 'people', ...CHILD_TABLES];

const countAllFilms = (sqlite: Database.Database) =>
  sqlite.prepare('SELECT count(*) FROM films').pluck().get() as number;

/** Whether an import of `adds` new films writes in bulk (see above). */
function writesInBulk(sqlite: Database.Database, adds: number): boolean {
  if (adds < REBUILD_INDEXES_INTO_EMPTY_FROM) return false;
  const stored = countAllFilms(sqlite);
  return stored === 0 || (adds >= REBUILD_INDEXES_FROM && adds >= stored);
}

/** Drops the indexes a bulk import builds at its end; answers their SQL. */
function setIndexesAside(sqlite: Database.Database): string[] {
  const indexes = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
        AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (${FILM_TABLES.map(() => '?').join(', ')})
        ORDER BY name`,
    )
    .all(FILM_TABLES) as { name: string; sql: string }[];
  for (const { name } of indexes) sqlite.exec(`DROP INDEX "${name}"`);
  return indexes.map((index) => index.sql);
}

type BrokenKey = { table: string; rowid: number | null; parent: string };

/**
 * A bulk import's foreign-key check of one film table, before COMMIT: a row pointing at a film or
 * person that is not there refuses the import (the caller rolls it back). It cannot happen unless
 * the write path has a bug; this keeps such a bug from ever reaching a library.
 */
function checkForeignKeys(sqlite: Database.Database, table: string): void {
  const broken = sqlite.pragma(`foreign_key_check("${table}")`) as BrokenKey[];
  const first = broken[0];
  if (!first) return;
  throw new Error(
    `The import was not written: ${broken.length} row${broken.length === 1 ? '' : 's'} of ${first.table} would point at a missing row of ${first.parent}. The library is unchanged.`,
  );
}

async function writeInOneTransaction(
  database: LibraryDatabase,
  preview: ImportPreview,
  writes: readonly Planned[],
  options: CommitOptions,
): Promise<Written[]> {
  const { sqlite } = database;
  const pacer = new Pacer(options.sliceMs, options.chunkSize ?? 500);
  const now = options.now ?? (() => new Date().toISOString());
  const written: Written[] = [];
  let forgetPeople = () => {};
  let forgetTerms = () => {};
  const adds = writes.filter((planned) => planned.action === 'add' || planned.action === 'keep-both');
  const bulk = writesInBulk(sqlite, adds.length);
  importing.add(sqlite);
  try {
    // SQLite ignores this pragma inside a transaction: it is set before BEGIN and put back in finally.
    if (bulk) sqlite.pragma('foreign_keys = OFF');
    // A bulk import's COMMIT does not copy the WAL into the file: a worker does, after it.
    if (bulk) holdCheckpoints(sqlite);
    // One transaction across awaits: better-sqlite3 has one connection, so BEGIN … COMMIT by hand.
    // Inside the try, so a BEGIN that fails (the file locked by another program) still ends the import.
    sqlite.exec('BEGIN IMMEDIATE');
    forgetPeople = rememberPeople(sqlite);
    const setAside = bulk ? setIndexesAside(sqlite) : [];
    // A bulk import takes its films' search terms from the index at the end; a small one as it writes.
    forgetTerms = bulk ? deferTerms(sqlite) : rememberTerms(sqlite);
    for await (const ready of readyWrites(preview, writes)) {
      written.push(writeOne(sqlite, ready, now()));
      if (written.length < writes.length && !pacer.due()) continue;
      options.onProgress?.(written.length, writes.length);
      await pacer.pause();
      checkCancelled(options.signal, 'import');
    }
    // One index at a time, yielding between them: the largest took over a second at 30,000 films.
    for (const index of setAside) {
      sqlite.exec(index);
      await pacer.pause();
      checkCancelled(options.signal, 'import');
    }
    if (bulk) {
      for (const table of CHILD_TABLES) {
        checkForeignKeys(sqlite, table);
        await pacer.pause();
        checkCancelled(options.signal, 'import');
      }
      addIndexTerms(sqlite);
    }
    sqlite.exec('COMMIT');
    // The hold on the connection's checkpoints goes to the worker, which releases it when it ends.
    if (bulk) void checkpointLater(database);
    return written;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    if (bulk) releaseCheckpoints(sqlite);
    throw error;
  } finally {
    if (bulk) sqlite.pragma('foreign_keys = ON');
    forgetPeople();
    forgetTerms();
    importing.delete(sqlite);
  }
}

/**
 * Writes a previewed import, all or nothing: a backup of the library first, then every film in one
 * transaction, yielding to the event loop between chunks so the window stays responsive. A cancel
 * (the signal) or any failure rolls back: the library is exactly as before.
 */
export async function commitImport(
  library: Library,
  preview: ImportPreview,
  decisions: ImportDecisions = {},
  options: CommitOptions = {},
): Promise<ImportResult> {
  if (preview.libraryPath !== library.path) {
    throw new ImportRefusedError(`This preview was made for ${preview.libraryPath}, not ${library.path}.`);
  }
  const { sqlite } = library;
  if (sqlite.inTransaction || isImportRunning(sqlite)) {
    throw new ImportRefusedError('Another import is being written to this library; wait for it to finish.');
  }
  const { counts, writes } = plan(preview, decisions);
  checkCancelled(options.signal, 'import');
  if (writes.length === 0) return { counts, filmIds: [], backupPath: null };
  const backupPath =
    options.backup !== false && library.path !== ':memory:' && library.count() > 0
      ? await backupAndPrune(sqlite, library.path, 'before-import', options.backupsKept)
      : null;
  checkCancelled(options.signal, 'import');
  const written = await writeInOneTransaction(library.database, preview, writes, options);
  const unchangedMerges = written.filter((film) => !film.changed).length;
  return {
    counts: {
      ...counts,
      updated: counts.updated - unchangedMerges,
      unchanged: counts.unchanged + unchangedMerges,
    },
    filmIds: written.filter((film) => film.changed).map((film) => film.id),
    backupPath,
  };
}
