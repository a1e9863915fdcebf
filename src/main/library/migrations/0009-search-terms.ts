import { sql, type Kysely } from 'kysely';

/**
 * A table of every term in the search index (films_fts), so a typed word can be written as the
 * terms it starts (search-terms.ts). Filled here from the index itself through fts5vocab, which
 * reads every term's entries (1.5 s at 100,000 full films, once); from then on each write of a
 * film's search text adds its terms in the same transaction.
 * Frozen once released: change it in a new migration, never here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw('CREATE TABLE search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID').execute(db);
  await sql
    .raw("CREATE VIRTUAL TABLE temp.migration_search_terms USING fts5vocab(main, films_fts, 'row')")
    .execute(db);
  await sql.raw('INSERT INTO search_terms (term) SELECT term FROM temp.migration_search_terms').execute(db);
  await sql.raw('DROP TABLE temp.migration_search_terms').execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE search_terms').execute(db);
}
