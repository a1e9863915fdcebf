import { sql, type Kysely } from 'kysely';

/**
 * The lists a row of browse shows beside the title (directors, genres, the copies' media and
 * places), copied onto the film row as one JSON value, `summary_lists`:
 * `[directors, genres, media, locations]`, each in its own order (media and locations one per
 * copy, a place null where a copy has none). A page of 50 films then reads 50 film rows, where it
 * read them and each film's credits, directors' names, genres and copies from four more tables:
 * at 100,000 full films, the first time a page of films spread over the library was shown, 17 ms
 * of reading against 5 with the lists on the row.
 *
 * Written with the film row by film-rows.ts, like 0002's browse columns (every write of these
 * child rows goes through it); a renamed person is renamed in the lists by a trigger.
 * Frozen once released: change these in a new migration, never here.
 */

/** The value for film `:key`, from its child rows (also the test's reference). */
const LISTS = `json_array(
  json((SELECT json_group_array(p.name ORDER BY c.position) FROM film_credits c JOIN people p ON p.key = c.person_key
    WHERE c.film_key = :key AND c.role = 'director')),
  json((SELECT json_group_array(value ORDER BY position) FROM film_terms WHERE film_key = :key AND kind = 'genre')),
  json((SELECT json_group_array(medium ORDER BY position) FROM film_copies WHERE film_key = :key)),
  json((SELECT json_group_array(location ORDER BY position) FROM film_copies WHERE film_key = :key)))`;

/** Recomputes every film's lists from its child rows. */
export const BACKFILL_SUMMARY_LISTS = `UPDATE films SET summary_lists = ${LISTS.replaceAll(':key', 'films.key')}`;

const PERSON_RENAMED = `CREATE TRIGGER people_summary_rename AFTER UPDATE OF name ON people BEGIN
  UPDATE films SET summary_lists = ${LISTS.replaceAll(':key', 'films.key')}
  WHERE key IN (SELECT film_key FROM film_credits WHERE person_key = NEW.key AND role = 'director');
END`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw('ALTER TABLE films ADD COLUMN summary_lists TEXT').execute(db);
  await sql.raw(BACKFILL_SUMMARY_LISTS).execute(db);
  await sql.raw(PERSON_RENAMED).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TRIGGER people_summary_rename').execute(db);
  await sql.raw('ALTER TABLE films DROP COLUMN summary_lists').execute(db);
}
