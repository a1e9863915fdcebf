import { sql, type Kysely } from 'kysely';

/**
 * Leaner child tables, for quicker imports. 0001 made each child table a rowid table with a
 * composite primary key: two B-trees holding every row (the table by rowid, and the key's own
 * index, which repeats most of the row), and every secondary index pointing at the rowid. Nothing
 * reads a child row by its rowid; they are read by (film_key, …position), so as WITHOUT ROWID
 * tables the rows are stored once, in that key's order, and each insert writes one B-tree fewer.
 *
 * Not the tables of prose (synopsis sections, critic reviews, FAQ answers, quotes): their rows run
 * to hundreds or thousands of bytes, and a WITHOUT ROWID table keeps only about 1,000 bytes of a
 * row on its page, so a synopsis would be read through overflow pages; they are few rows a film.
 *
 * Each table is rebuilt with its own CREATE statement plus WITHOUT ROWID (the same columns, key
 * and constraints), its rows copied through a temporary table, and its indexes (0001's, 0003's,
 * 0004's) created again from their own SQL: undoing it runs the same steps without the clause, so
 * the schema is 0004's, text for text. The rows are copied, not renamed, because a rename would
 * rewrite the people_browse_rename trigger (0002), whose body names film_credits.
 * Frozen once released: change these in a new migration, never here.
 */

export const WITHOUT_ROWID_TABLES = [
  'film_credits',
  'film_terms',
  'film_external_ids',
  'film_ratings',
  'film_audience_reactions',
  'film_awards',
  'film_providers',
  'film_similar',
  'film_products',
  'film_tracks',
  'film_bonus',
  'film_watched',
  'film_copies',
  'film_loans',
] as const;

const CLAUSE = ' WITHOUT ROWID';

type SchemaRow = { type: string; sql: string };

async function schemaOf(db: Kysely<unknown>, table: string): Promise<{ create: string; indexes: string[] }> {
  const { rows } = await sql<SchemaRow>`SELECT type, sql FROM sqlite_master
    WHERE tbl_name = ${table} AND type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type DESC, name`.execute(
    db,
  );
  const create = rows.find((row) => row.type === 'table')?.sql;
  if (!create) throw new Error(`No table ${table} to rebuild.`);
  return { create, indexes: rows.filter((row) => row.type === 'index').map((row) => row.sql) };
}

/** Rebuilds `table` from its own CREATE statement turned by `change`, keeping its rows and indexes. */
async function rebuild(
  db: Kysely<unknown>,
  table: string,
  change: (create: string) => string,
): Promise<void> {
  const { create, indexes } = await schemaOf(db, table);
  const copy = `temp.${table}_rebuilt`;
  await sql.raw(`CREATE TABLE ${copy} AS SELECT * FROM ${table}`).execute(db);
  await sql.raw(`DROP TABLE ${table}`).execute(db);
  await sql.raw(change(create)).execute(db);
  // In key order, so the new table's B-tree is written from front to back.
  await sql.raw(`INSERT INTO ${table} SELECT * FROM ${copy} ORDER BY 1, 2, 3`).execute(db);
  await sql.raw(`DROP TABLE ${copy}`).execute(db);
  for (const index of indexes) await sql.raw(index).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of WITHOUT_ROWID_TABLES) {
    await rebuild(db, table, (create) => {
      if (create.endsWith(CLAUSE)) throw new Error(`${table} is already WITHOUT ROWID.`);
      return `${create}${CLAUSE}`;
    });
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of WITHOUT_ROWID_TABLES) {
    await rebuild(db, table, (create) => {
      if (!create.endsWith(CLAUSE)) throw new Error(`${table} is not WITHOUT ROWID.`);
      return create.slice(0, -CLAUSE.length);
    });
  }
}
