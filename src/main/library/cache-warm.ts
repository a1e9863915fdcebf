import type Database from 'better-sqlite3';
import { pageCacheBytes } from './database';
import { prepared } from './film-rows';

/**
 * Reading what browse reads into SQLite's page cache, a step at a time, while the window is quiet
 * (search-tidier.ts runs the steps).
 *
 * A search asked for the first time reads pages its connection has not read yet: the entries of
 * the words typed, each found film's sizes for bm25, the film rows of the page. Each page costs a
 * read from the operating system (from the disk when the file is not in its cache, after a
 * restart) and, until the page cache has filled once, memory SQLite has just been given: about 45
 * µs a page on the VMs Filmfolio is measured on, 5 µs once the cache's memory is in use. Read ahead
 * in order, the search index, the film rows and the bm25 sizes cost a few milliseconds per MB; in a
 * harness of the bench's 50 searches, each the first time, their summed time fell from 194-253 to
 * 151-184 ms at 1,000 full films and from 169-246 to 149-160 ms at 10,000.
 *
 * No more is read than the page cache holds (database.ts sets it): the search indexes, most useful
 * first, and the film rows and their search texts only when the whole file fits, since reading
 * more than the cache holds would push out what was read before.
 */

/**
 * What is read, in order: a small b-tree whole in one step (`whole`, SQL that walks it), or a
 * table by rowid a step at a time, each row's bytes counted against the cache as its payload (and
 * for the tiny rows of sizes, the cell around it too).
 */
type Read = { whole: string } | { table: string; bytes: string };

/** Where every search looks its words up, and the trash it leaves out: a few pages at any size. */
const LOOKUPS: Read[] = [
  { whole: 'SELECT count(*) FROM films_fts_idx' },
  { whole: 'SELECT count(*) FROM films_title_fts_idx' },
  { whole: 'SELECT count(*) FROM search_terms' },
  { whole: 'SELECT count(*) FROM films WHERE deleted_at IS NOT NULL' },
  { whole: 'SELECT count(*) FROM film_posters' },
];
/** The search indexes, most useful first: bm25's sizes, the title index, the index of every field. */
const SEARCH_TABLES: Read[] = [
  { table: 'films_fts_docsize', bytes: 'length(sz) + 16' },
  { table: 'films_title_fts_docsize', bytes: 'length(sz) + 16' },
  { table: 'films_title_fts_data', bytes: 'length(block)' },
  { table: 'films_fts_data', bytes: 'length(block)' },
];
/** Read first when the whole file fits: the page's film rows, and the texts its matches are marked in. */
const FILM_ROWS: Read[] = [
  { table: 'films', bytes: 'length(summary_lists)' },
  { table: 'films_fts_content', bytes: 'length(c0) + length(c1) + length(c4) + length(c6)' },
];

/**
 * About how much a step reads: half a megabyte, about 4 ms on this VM (most of it SQLite being
 * given memory), the longest a keypress waits behind a step. Rows differ in size from table to
 * table, so each step's row count is the last one's scaled to it.
 */
export const WARM_STEP_BYTES = 512 * 1024;
/** Rows a table's first step reads, and the fewest any step reads. */
const FIRST_STEP_ROWS = 16;
const MOST_STEP_ROWS = 50_000;

type Warmth = {
  reads: readonly Read[];
  /** Which table is being read, the last rowid read of it, and how many rows the next step reads. */
  at: number;
  after: number;
  rows: number;
  /** Bytes read so far, and the most that will be. */
  read: number;
  budget: number;
};

const warmths = new WeakMap<Database.Database, Warmth>();

function startWarmth(sqlite: Database.Database): Warmth {
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  const fileBytes = (sqlite.pragma('page_count', { simple: true }) as number) * pageSize;
  const budget = pageCacheBytes(sqlite);
  // The film rows first when everything fits, so the search indexes are read last whatever happens.
  const reads = [...LOOKUPS, ...(fileBytes <= budget ? FILM_ROWS : []), ...SEARCH_TABLES];
  return { reads, at: 0, after: Number.MIN_SAFE_INTEGER, rows: FIRST_STEP_ROWS, read: 0, budget };
}

/**
 * Reads about `stepBytes` more into the page cache; false once there is nothing left to read on
 * this connection (each connection warms once).
 */
export function warmCacheStep(sqlite: Database.Database, stepBytes = WARM_STEP_BYTES): boolean {
  let warmth = warmths.get(sqlite);
  if (!warmth) {
    warmth = startWarmth(sqlite);
    warmths.set(sqlite, warmth);
  }
  while (warmth.at < warmth.reads.length && warmth.read < warmth.budget) {
    const read = warmth.reads[warmth.at] as Read;
    if ('whole' in read) {
      prepared(sqlite, read.whole).get();
      warmth.at += 1;
      return true;
    }
    const step = prepared(
      sqlite,
      `SELECT count(*) AS count, max(rowid) AS last, total(bytes) AS bytes
        FROM (SELECT rowid, ${read.bytes} AS bytes FROM ${read.table} WHERE rowid > ? ORDER BY rowid LIMIT ?)`,
    ).get(warmth.after, warmth.rows) as { count: number; last: number | null; bytes: number };
    warmth.read += step.bytes;
    if (step.count < warmth.rows || step.last === null) {
      warmth.at += 1;
      warmth.after = Number.MIN_SAFE_INTEGER;
      warmth.rows = FIRST_STEP_ROWS;
    } else {
      warmth.after = step.last;
      // At most twice the last step's rows: small rows may be followed by large ones.
      const perRow = Math.max(1, step.bytes / step.count);
      const scaled = Math.min(stepBytes / perRow, warmth.rows * 2, MOST_STEP_ROWS);
      warmth.rows = Math.round(Math.max(FIRST_STEP_ROWS, scaled));
    }
    if (step.count > 0) return true;
  }
  return false;
}

/** Warms the cache to the end (the bench, for a library whose window has been quiet); answers the steps. */
export function warmCache(sqlite: Database.Database, stepBytes = WARM_STEP_BYTES): number {
  let steps = 0;
  while (warmCacheStep(sqlite, stepBytes)) steps += 1;
  return steps;
}
