import type { Kysely } from 'kysely';
import type { ExportScope } from '../../../shared/transfer';
import { exportScopeSchema } from '../../../shared/transfer';
import { matchingKeys } from '../browse';
import { prepared } from '../film-rows';
import type { Library } from '../index';
import type { LibraryTables } from '../tables';

/** The films an export covers, in file order, and the newest `updatedAt` among them. */
export type ExportSelection = { keys: number[]; latestUpdate: string | null };

/**
 * Every live film in the order a library file lists them: by sort title ignoring case, year,
 * sort title exactly, id. It depends only on what the file itself carries, so a file imported into an
 * empty library exports again in the same order.
 */
const CANONICAL_ORDER = `SELECT key, updated_at AS updatedAt FROM films WHERE deleted_at IS NULL
  ORDER BY sort_title COLLATE NOCASE, year, sort_title COLLATE BINARY, id`;

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

/**
 * The films an export covers, in file order: the whole library, a search/filter result, or chosen
 * ids. Only keys are kept (rows come back as arrays, not objects), so a 100,000-film library
 * costs under a megabyte here.
 */
export function filmsInScope(library: Library, input: ExportScope): ExportSelection {
  const scope = exportScopeSchema.parse(input);
  const db = library.database.kysely as unknown as Kysely<LibraryTables>;
  const chosen =
    scope.kind === 'all'
      ? null
      : scope.kind === 'query'
        ? new Set(matchingKeys(library.sqlite, db, scope.query))
        : keysOfIds(library, scope.ids);
  const keys: number[] = [];
  let latestUpdate: string | null = null;
  const rows = prepared(library.sqlite, CANONICAL_ORDER).raw().iterate() as Iterable<[number, string]>;
  for (const [key, updatedAt] of rows) {
    if (chosen !== null && !chosen.has(key)) continue;
    keys.push(key);
    if (latestUpdate === null || updatedAt > latestUpdate) latestUpdate = updatedAt;
  }
  return { keys, latestUpdate };
}
