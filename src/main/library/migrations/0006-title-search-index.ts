import { sql, type Kysely } from 'kysely';

/**
 * A search index of titles alone. Browse's best match puts films whose title holds every word
 * typed first, and asking the whole index for title matches (`{title} : …`) reads every field's
 * entries for those words and then keeps the title's: for a name or a common word, megabytes of
 * story and review entries at 100,000 films, to learn that no title matches. This index holds a
 * film's title and original title (the search index's title column, same words, same tokenizer
 * and prefixes), so the title tier reads a few entries.
 *
 * Contentless: the text is in films_fts already, and nothing reads it back from here; rows are
 * deleted by film key (`contentless_delete`), as films_fts's are, in the same transaction.
 * Frozen once released: change it in a new migration, never here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `CREATE VIRTUAL TABLE films_title_fts USING fts5 (title,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3', content = '', contentless_delete = 1)`,
    )
    .execute(db);
  await sql.raw('INSERT INTO films_title_fts (rowid, title) SELECT rowid, title FROM films_fts').execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE films_title_fts').execute(db);
}
