import { sql, type Kysely } from 'kysely';

/**
 * What the editor needs of the library: case-insensitive prefix indexes for the suggestions of
 * token inputs (genres, tags, people, borrowers, media, locations), an index for the trash view,
 * and grid thumbnails of posters (made in the window, which has an image decoder; main has none).
 * Frozen: change these in a new migration, never here.
 */
const statements = [
  `CREATE INDEX films_in_trash ON films (deleted_at, sort_title) WHERE deleted_at IS NOT NULL`,
  `CREATE INDEX film_terms_by_folded_value ON film_terms (kind, value COLLATE NOCASE)`,
  `CREATE INDEX people_by_folded_name ON people (name COLLATE NOCASE)`,
  `CREATE INDEX film_loans_by_borrower ON film_loans (borrower COLLATE NOCASE)`,
  `CREATE INDEX film_copies_by_folded_medium ON film_copies (medium COLLATE NOCASE)`,
  `CREATE INDEX film_copies_by_location ON film_copies (location COLLATE NOCASE) WHERE location IS NOT NULL`,
  // Kept apart from film_posters (rewritten on every save); valid only while poster_digest
  // still matches the poster's bytes, so a replaced poster never shows an old thumbnail.
  `CREATE TABLE film_poster_thumbnails (
    film_key INTEGER PRIMARY KEY REFERENCES films (key) ON DELETE CASCADE,
    poster_digest TEXT NOT NULL,
    media_type TEXT NOT NULL,
    data BLOB NOT NULL
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const indexes = [
    'films_in_trash',
    'film_terms_by_folded_value',
    'people_by_folded_name',
    'film_loans_by_borrower',
    'film_copies_by_folded_medium',
    'film_copies_by_location',
  ];
  await sql.raw('DROP TABLE film_poster_thumbnails').execute(db);
  for (const index of indexes) await sql.raw(`DROP INDEX ${index}`).execute(db);
}
