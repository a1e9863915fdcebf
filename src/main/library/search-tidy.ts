import type Database from 'better-sqlite3';
import { noteOwnChanges } from './browse-cache';
import { prepared } from './film-rows';

/**
 * Tidying the search indexes: merging their segments, a step at a time.
 *
 * FTS5 writes each transaction's new entries as a segment of its own and merges segments only when
 * several of one size have piled up, so a library keeps about ten of them (9 after importing 10,000
 * full films or 100,000 light ones; 15 in the bench's 100,000 full films). Every word searched is
 * then looked up in each segment, and a search that reads a film's entries by key seeks in each:
 * merged into one, the same searches at 100,000 full films read in half the time (the plain FTS5
 * statements of the bench's 50 searches: p50 1.4 → 0.7-0.9 ms; Filmfolio's p95 10.9-11.9 → 9.5-9.9
 * ms). Merging all at once takes seconds at that size (6.4 s for 270 MB of index), so the app does
 * it in steps while the collector does nothing (search-tidier.ts): one step writes at most
 * TIDY_STEP_PAGES pages (8-16 ms at 10,000 full films), in a transaction of its own.
 */

/** The search indexes, in the order they are tidied. */
export const SEARCH_INDEXES = ['films_fts', 'films_title_fts'] as const;

/** Pages a step writes at most; negative: FTS5 merges segments of every level, as 'optimize' does. */
export const TIDY_STEP_PAGES = 128;

/**
 * Merges some of the first search index that still has segments to merge; false when none has.
 * FTS5's way of telling: a merge that did no work changes fewer than two rows. A merge changes
 * nothing a search finds, so browse keeps the counts it remembers (noteOwnChanges): the filter
 * counts of a large library are not worked out again because the index was tidied meanwhile.
 */
export function tidySearchStep(sqlite: Database.Database, pages = TIDY_STEP_PAGES): boolean {
  const totalChanges = prepared(sqlite, 'SELECT total_changes()').pluck();
  for (const index of SEARCH_INDEXES) {
    const before = totalChanges.get() as number;
    prepared(sqlite, `INSERT INTO ${index} (${index}, rank) VALUES ('merge', ?)`).run(-pages);
    const changes = (totalChanges.get() as number) - before;
    noteOwnChanges(sqlite, changes);
    if (changes >= 2) return true;
  }
  return false;
}

/** Tidies both search indexes to the end (the bench, for a library at rest); answers the steps that did work. */
export function tidySearchIndexes(sqlite: Database.Database, pages = TIDY_STEP_PAGES): number {
  let steps = 0;
  while (tidySearchStep(sqlite, pages)) steps += 1;
  return steps;
}
