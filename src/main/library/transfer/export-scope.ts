import type { Kysely } from 'kysely';
import type { ExportScope } from '../../../shared/transfer';
import { exportScopeSchema } from '../../../shared/transfer';
import { matchingKeys } from '../browse';
import { prepared } from '../film-rows';
import type { Library } from '../index';
import type { LibraryTables } from '../tables';

/** The films an export covers, in file order. */
export type ExportSelection = { keys: number[] };

/**
 * Every live film in the order a library file lists them: by sort title ignoring case, year,
 * sort title exactly, id. It depends only on what the file itself carries, so a file imported into an
 * empty library exports again in the same order. All but the id come from the title index alone
 * (a fifth of the time of reading each film's row for its id); only films tied on all three, which
 * follow each other, are put in id order afterwards (TIED_BY_ID).
 */
const FILE_ORDER = `SELECT key, sort_title, year FROM films WHERE deleted_at IS NULL
  ORDER BY sort_title COLLATE NOCASE, year, sort_title COLLATE BINARY`;
const TIED_BY_ID = 'SELECT key FROM films WHERE key IN (SELECT value FROM json_each(?)) ORDER BY id';

/** The newest `updatedAt` among live films, or among `keys` (batched, one statement for any count). */
const LATEST_LIVE = 'SELECT max(updated_at) FROM films WHERE deleted_at IS NULL';
const LATEST_OF = 'SELECT max(updated_at) FROM films WHERE key IN (SELECT value FROM json_each(?))';

const ID_BATCH = 500;

function keysOfIds(library: Library, ids: readonly string[]): Set<number> {
  const keys = new Set<number>();
  for (let start = 0; start < ids.length; start += ID_BATCH) {
    const batch = ids.slice(start, start + ID_BATCH);
    const sql = `SELECT key FROM films WHERE id IN (${batch.map(() => '?').join(', ')})`;
    for (const key of prepared(library.sqlite, sql).pluck().all(batch) as number[]) keys.add(key);
  }
  return keys;
}

/** Live films' keys in file order, ties on sort title and year put in id order. */
function keysInFileOrder(library: Library): number[] {
  const keys: number[] = [];
  // Where runs of tied films start and end; put in order after the scan, as the connection
  // runs no other statement while one is being iterated.
  const ties: [number, number][] = [];
  const rows = prepared(library.sqlite, FILE_ORDER).raw().iterate() as Iterable<
    [number, string, number | null]
  >;
  let runFrom = 0;
  let previous: [number, string, number | null] | undefined;
  for (const row of rows) {
    if (!previous || row[1] !== previous[1] || row[2] !== previous[2]) {
      if (keys.length - runFrom > 1) ties.push([runFrom, keys.length]);
      runFrom = keys.length;
    }
    keys.push(row[0]);
    previous = row;
  }
  if (keys.length - runFrom > 1) ties.push([runFrom, keys.length]);
  for (const [from, to] of ties) {
    const json = JSON.stringify(keys.slice(from, to));
    const inIdOrder = prepared(library.sqlite, TIED_BY_ID).pluck().all(json) as number[];
    keys.splice(from, inIdOrder.length, ...inIdOrder);
  }
  return keys;
}

/**
 * The films an export covers, in file order: the whole library, a search/filter result, or chosen
 * ids. Only keys are kept, so a 100,000-film library costs under a megabyte here.
 */
export function filmsInScope(library: Library, input: ExportScope): ExportSelection {
  const scope = exportScopeSchema.parse(input);
  const db = library.database.kysely as unknown as Kysely<LibraryTables>;
  const ordered = keysInFileOrder(library);
  if (scope.kind === 'all') return { keys: ordered };
  const chosen =
    scope.kind === 'query'
      ? new Set(matchingKeys(library.sqlite, db, scope.query))
      : keysOfIds(library, scope.ids);
  return { keys: ordered.filter((key) => chosen.has(key)) };
}

/**
 * The newest `updatedAt` among the films of `keys` (all live films when `allLive`), or null: the
 * moment an export's contents were last true. An export that reads every film anyway takes it from
 * the films it read instead (see exportLibrary).
 */
export function latestUpdate(library: Library, keys: readonly number[], allLive: boolean): string | null {
  if (allLive) return prepared(library.sqlite, LATEST_LIVE).pluck().get() as string | null;
  let latest: string | null = null;
  for (let start = 0; start < keys.length; start += ID_BATCH) {
    const json = JSON.stringify(keys.slice(start, start + ID_BATCH));
    const found = prepared(library.sqlite, LATEST_OF).pluck().get(json) as string | null;
    if (found !== null && (latest === null || found > latest)) latest = found;
  }
  return latest;
}
