import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateTo, openDatabase } from '../../src/main/library/database';
import { countFound, countSql, facetCounts, facetSql } from '../../src/main/library/browse';
import { createFilm } from '../../src/main/library/films';
import { suggest } from '../../src/main/library/suggestions';
import { generateFilms } from '../support/generate-films';
import { sampleFilm, tempFolder } from '../support/temp-library';

/**
 * Migration 0008 keeps only genres and tags in the two indexes of film_terms by value: trivia,
 * audience reactions and content warnings are never looked up by value. Genre and tag filters,
 * their counts and their suggestions must still read those indexes, and find what they found before.
 */

const INDEXES = ['film_terms_by_value', 'film_terms_by_folded_value'];

/** Whether `index` can answer a look-up of `kind` (SQLite refuses INDEXED BY an index that cannot). */
function indexes(sqlite: Database.Database, index: string, kind: string): boolean {
  try {
    sqlite.prepare(`SELECT count(*) FROM film_terms INDEXED BY ${index} WHERE kind = '${kind}'`).get();
    return true;
  } catch (error) {
    if (/no query solution/.test(String(error))) return false;
    throw error;
  }
}

function plan(sqlite: Database.Database, clause: { sql: string; params: unknown[] }): string {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${clause.sql}`).all(clause.params) as { detail: string }[];
  return rows.map((row) => row.detail).join('\n');
}

describe('migration 0008: the term indexes hold genres and tags', () => {
  it('leaves trivia, reactions and warnings out of both indexes, finds the same films, and undoes', async () => {
    const database = await openDatabase(join(tempFolder(), 'lib.sqlite'));
    try {
      const { sqlite } = database;
      for (const film of [sampleFilm(), ...generateFilms(40, { profile: 'full', seed: 8 })])
        createFilm(sqlite, film);
      const kinds = sqlite
        .prepare('SELECT DISTINCT kind FROM film_terms ORDER BY kind')
        .pluck()
        .all() as string[];
      expect(kinds).toEqual(expect.arrayContaining(['genre', 'tag', 'trivia']));
      const genre = sqlite
        .prepare("SELECT value FROM film_terms WHERE kind = 'genre' GROUP BY value ORDER BY count(*) DESC")
        .pluck()
        .get() as string;
      const tag = sqlite.prepare("SELECT value FROM film_terms WHERE kind = 'tag'").pluck().get() as string;
      const answers = () => ({
        genre: countFound(sqlite, { filter: { genres: [genre] } }),
        tag: countFound(sqlite, { filter: { tags: [tag] } }),
        counts: facetCounts(sqlite, { search: '' }),
        suggested: suggest(sqlite, { kind: 'genre', prefix: genre.slice(0, 2), limit: 10 }),
      });
      const latest = answers();
      expect(latest.genre).toBeGreaterThan(1);
      expect(latest.counts.genres.length).toBeGreaterThan(1);
      expect(latest.suggested).toContain(genre);

      for (const index of INDEXES) {
        expect(indexes(sqlite, index, 'genre'), index).toBe(true);
        expect(indexes(sqlite, index, 'tag'), index).toBe(true);
        for (const kind of ['trivia', 'audience', 'content_warning']) {
          expect(indexes(sqlite, index, kind), `${index} ${kind}`).toBe(false);
        }
      }
      // The filters and the counts of genres and tags read the index, not the table.
      for (const [name, clause] of Object.entries(facetSql(sqlite, {}))) {
        if (name === 'genres' || name === 'tags')
          expect(plan(sqlite, clause), name).toMatch(/film_terms_by_value/);
      }
      for (const filter of [{ genres: [genre] }, { tags: [tag] }]) {
        expect(plan(sqlite, countSql({ filter })), JSON.stringify(filter)).toMatch(/film_terms_by_value/);
      }

      await migrateTo(database, '0007-search-index-by-column');
      for (const index of INDEXES) expect(indexes(sqlite, index, 'trivia'), index).toBe(true);
      expect(answers()).toEqual(latest);
    } finally {
      await database.close();
    }
  });
});
