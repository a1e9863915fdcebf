import { sql, type Kysely } from 'kysely';

/**
 * The two indexes of film_terms by value (0001's, for the genre and tag filters and their counts;
 * 0003's NOCASE one, for their suggestions) now hold genres and tags alone. film_terms also keeps
 * a film's trivia, audience reactions and content warnings, and nothing looks those up by value:
 * at 10,000 full films trivia was 50,000 of the 93,000 rows, 140 characters each, most of both
 * indexes (9.8 MB each) and of their rebuild at the end of an import.
 *
 * A query uses them when its WHERE names the kind as `kind = 'genre'` or `kind = 'tag'` (a literal,
 * or a bound value SQLite checks before it plans); browse, its counts and the suggestions do.
 * Frozen once released: change these in a new migration, never here.
 */
const LISTED = `kind = 'genre' OR kind = 'tag'`;

const INDEXES = {
  film_terms_by_value: 'film_terms (kind, value, film_key)',
  film_terms_by_folded_value: 'film_terms (kind, value COLLATE NOCASE)',
} as const;

async function rebuild(db: Kysely<unknown>, where: string): Promise<void> {
  for (const [name, on] of Object.entries(INDEXES)) {
    await sql.raw(`DROP INDEX ${name}`).execute(db);
    await sql.raw(`CREATE INDEX ${name} ON ${on}${where}`).execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await rebuild(db, ` WHERE ${LISTED}`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await rebuild(db, '');
}
