import { sql, type Kysely } from 'kysely';

/**
 * A search index three times smaller. Until now the index kept where in each field every word
 * stood (FTS5's detail=full): 783 MB of index for 100,000 full-profile films, nearly all of it
 * positions in the story and reviews. Nothing uses those positions: every word typed is its own
 * term (search-text.ts never asks for a phrase or NEAR), the title tier has its own index (0006),
 * and matched words are found and marked in JavaScript (search-marks.ts). With detail=column the
 * index keeps, for each word and film, only which fields hold it: 270 MB at 100,000 films, so a
 * search reads a third of the pages the first time, and an import writes a third of the index.
 *
 * Ranking changes a little: bm25 counts a word once per field instead of once per occurrence, so a
 * story that repeats a word no longer outranks one that says it once; the field weights (a name
 * over the story) decide as before.
 * Frozen once released: change it in a new migration, never here.
 */

const COLUMNS = 'title, people, characters, quotes, story, trivia, reviews, tags, notes';

/** Rebuilds the search index with `detail` (FTS5's option, or none for its default), keeping every row. */
function rebuiltSearchIndex(detail: string | null): string[] {
  return [
    `CREATE VIRTUAL TABLE films_fts_rebuilt USING fts5 (${COLUMNS},
      tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'${detail ? `, detail = ${detail}` : ''})`,
    `INSERT INTO films_fts_rebuilt (rowid, ${COLUMNS}) SELECT rowid, ${COLUMNS} FROM films_fts`,
    'DROP TABLE films_fts',
    'ALTER TABLE films_fts_rebuilt RENAME TO films_fts',
  ];
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of rebuiltSearchIndex('column')) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of rebuiltSearchIndex(null)) await sql.raw(statement).execute(db);
}
