import { sql, type Kysely } from 'kysely';

/**
 * What browse needs to sort and filter 100,000 films through indexes: a few values of each film's
 * child rows copied onto the film row, where one index per sort key can order them. Sorting by a
 * repeated group sorts by its first entry, as a shelf does: the first director, the first genre,
 * the first copy's medium and place. Triggers keep the copies in step inside the transaction that
 * writes the child rows, so no write path has to know about them; they fire only for the rows that
 * matter (the first entry, an IMDb rating, a loan), which keeps imports quick.
 * Frozen: change these in a new migration, never here.
 */

/** Each copied value: the column, its type, and the expression that computes it for film `:key`. */
const COPIED = {
  sort_directors: [
    'TEXT',
    `(SELECT p.name FROM film_credits c JOIN people p ON p.key = c.person_key
      WHERE c.film_key = :key AND c.role = 'director' AND c.position = 0)`,
  ],
  sort_genres: [
    'TEXT',
    `(SELECT value FROM film_terms WHERE film_key = :key AND kind = 'genre' AND position = 0)`,
  ],
  imdb_rating: [
    'REAL',
    `(SELECT value * 10.0 / scale FROM film_ratings WHERE film_key = :key AND lower(source) = 'imdb'
      ORDER BY position LIMIT 1)`,
  ],
  rotten_tomatoes: [
    'REAL',
    `(SELECT value * 100.0 / scale FROM film_ratings WHERE film_key = :key
      AND lower(source) IN ('rotten tomatoes', 'rottentomatoes', 'rt') ORDER BY position LIMIT 1)`,
  ],
  seen: ['INTEGER NOT NULL DEFAULT 0', `EXISTS (SELECT 1 FROM film_watched WHERE film_key = :key)`],
  sort_media: ['TEXT', `(SELECT medium FROM film_copies WHERE film_key = :key AND position = 0)`],
  sort_locations: ['TEXT', `(SELECT location FROM film_copies WHERE film_key = :key AND position = 0)`],
  open_loans: [
    'INTEGER NOT NULL DEFAULT 0',
    `(SELECT count(*) FROM film_loans WHERE film_key = :key AND returned_on IS NULL)`,
  ],
  next_due_on: ['TEXT', `(SELECT min(due_on) FROM film_loans WHERE film_key = :key AND returned_on IS NULL)`],
} as const;
type CopiedColumn = keyof typeof COPIED;

/** Which child rows feed which copied columns (`row` is NEW or OLD in a trigger). */
export const SOURCES: { table: string; when: (row: string) => string | null; columns: CopiedColumn[] }[] = [
  {
    table: 'film_credits',
    when: (row) => `${row}.role = 'director' AND ${row}.position = 0`,
    columns: ['sort_directors'],
  },
  {
    table: 'film_terms',
    when: (row) => `${row}.kind = 'genre' AND ${row}.position = 0`,
    columns: ['sort_genres'],
  },
  {
    table: 'film_ratings',
    when: (row) => `lower(${row}.source) IN ('imdb', 'rotten tomatoes', 'rottentomatoes', 'rt')`,
    columns: ['imdb_rating', 'rotten_tomatoes'],
  },
  { table: 'film_watched', when: (row) => `${row}.position = 0`, columns: ['seen'] },
  {
    table: 'film_copies',
    when: (row) => `${row}.position = 0`,
    columns: ['sort_media', 'sort_locations'],
  },
  { table: 'film_loans', when: () => null, columns: ['open_loans', 'next_due_on'] },
];

function assignments(columns: readonly CopiedColumn[], key: string): string {
  return columns.map((column) => `${column} = ${COPIED[column][1].replaceAll(':key', key)}`).join(',\n    ');
}

function recompute(columns: readonly CopiedColumn[], key: string): string {
  return `UPDATE films SET ${assignments(columns, key)} WHERE key = ${key};`;
}

/** The triggers on child rows (exported for 0004, which drops them and puts them back on undo). */
export function triggers(): string[] {
  return SOURCES.flatMap(({ table, when, columns }) =>
    (['INSERT', 'DELETE', 'UPDATE'] as const).map((event) => {
      const row = event === 'DELETE' ? 'OLD' : 'NEW';
      const condition =
        event === 'UPDATE' && when('OLD') ? `(${when('OLD')}) OR (${when('NEW')})` : when(row);
      const body =
        event === 'UPDATE'
          ? `${recompute(columns, 'OLD.film_key')} ${recompute(columns, 'NEW.film_key')}`
          : recompute(columns, `${row}.film_key`);
      return `CREATE TRIGGER ${table}_browse_${event.toLowerCase()} AFTER ${event} ON ${table}
        ${condition ? `WHEN ${condition}` : ''}
        BEGIN ${body} END`;
    }),
  );
}

/** A renamed person is renamed in the first director of every film they directed first. */
const PERSON_RENAMED = `CREATE TRIGGER people_browse_rename AFTER UPDATE OF name ON people BEGIN
  UPDATE films SET sort_directors = NEW.name
  WHERE key IN (SELECT film_key FROM film_credits WHERE person_key = NEW.key AND role = 'director' AND position = 0);
END`;

/**
 * One index per sort key, with browse's stable secondary order (sort title, then year). Each ends
 * in deleted_at, which SQLite otherwise reads from the film row to confirm the partial index's
 * condition: with it, walking a sort (or skipping 50,000 rows of it) never leaves the index.
 */
const SORT_INDEXES: Record<string, string> = {
  films_by_title_covering: 'sort_title, year, key',
  films_by_year_covering: 'year, sort_title, key',
  films_by_runtime_title: 'runtime_minutes, sort_title, year, key',
  films_by_rating_title: 'user_rating, sort_title, year, key',
  films_by_added_title: 'added_at, sort_title, year, key',
  films_by_directors: 'sort_directors, sort_title, year, key',
  films_by_genres: 'sort_genres, sort_title, year, key',
  films_by_imdb: 'imdb_rating, sort_title, year, key',
  films_by_rotten_tomatoes: 'rotten_tomatoes, sort_title, year, key',
  films_by_seen: 'seen, sort_title, year, key',
  films_by_media: 'sort_media, sort_title, year, key',
  films_by_locations: 'sort_locations, sort_title, year, key',
};

/** 0001's sort indexes, replaced by the covering ones above (and restored when 0002 is undone). */
const REPLACED_INDEXES: Record<string, string> = {
  films_by_title: 'sort_title, year, key',
  films_by_year: 'year, sort_title, key',
  films_by_runtime: 'runtime_minutes, sort_title, key',
  films_by_rating: 'user_rating, sort_title, key',
  films_by_added: 'added_at, sort_title, key',
};

const SEARCH_COLUMNS = 'title, people, characters, quotes, story, trivia, reviews, tags, notes';

/** Rebuilds the search index with the given prefix indexes, keeping every row. */
function searchIndexWithPrefixes(prefixes: string): string[] {
  return [
    `CREATE VIRTUAL TABLE films_fts_rebuilt USING fts5 (${SEARCH_COLUMNS},
      tokenize = 'unicode61 remove_diacritics 2', prefix = '${prefixes}')`,
    `INSERT INTO films_fts_rebuilt (rowid, ${SEARCH_COLUMNS}) SELECT rowid, ${SEARCH_COLUMNS} FROM films_fts`,
    'DROP TABLE films_fts',
    'ALTER TABLE films_fts_rebuilt RENAME TO films_fts',
  ];
}

/**
 * Recomputes every copied value of every film. The migration fills the new columns with it; a bulk
 * load that sets the triggers aside (a test library of 100,000 films) runs it once at the end.
 */
export const BACKFILL_BROWSE_COLUMNS = `UPDATE films SET ${assignments(Object.keys(COPIED) as CopiedColumn[], 'films.key')}`;

const statements = [
  ...Object.entries(COPIED).map(([column, [type]]) => `ALTER TABLE films ADD COLUMN ${column} ${type}`),
  BACKFILL_BROWSE_COLUMNS,
  ...triggers(),
  PERSON_RENAMED,
  ...Object.keys(REPLACED_INDEXES).map((name) => `DROP INDEX ${name}`),
  ...Object.entries(SORT_INDEXES).map(
    ([name, columns]) => `CREATE INDEX ${name} ON films (${columns}, deleted_at) WHERE deleted_at IS NULL`,
  ),
  // Films on loan are few: a small index answers the "on loan" and "overdue" filters and counts.
  `CREATE INDEX films_on_loan ON films (next_due_on, sort_title, year, key, open_loans, deleted_at)
    WHERE deleted_at IS NULL AND open_loans > 0`,
  // The director filter list counts films per director: walk the directors only, not the cast.
  'CREATE INDEX film_credits_by_role ON film_credits (role, person_key, film_key)',
  // Search as you type starts at the first letter: a one-letter prefix needs its own prefix index,
  // or each query merges every word starting with that letter (seconds at 100,000 films).
  ...searchIndexWithPrefixes('1 2 3'),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const triggerNames = [
    ...SOURCES.flatMap(({ table }) =>
      ['insert', 'delete', 'update'].map((event) => `${table}_browse_${event}`),
    ),
    'people_browse_rename',
  ];
  for (const name of triggerNames) await sql.raw(`DROP TRIGGER ${name}`).execute(db);
  const indexes = [...Object.keys(SORT_INDEXES), 'films_on_loan', 'film_credits_by_role'];
  for (const name of indexes) await sql.raw(`DROP INDEX ${name}`).execute(db);
  for (const [name, columns] of Object.entries(REPLACED_INDEXES)) {
    await sql.raw(`CREATE INDEX ${name} ON films (${columns}) WHERE deleted_at IS NULL`).execute(db);
  }
  for (const column of Object.keys(COPIED))
    await sql.raw(`ALTER TABLE films DROP COLUMN ${column}`).execute(db);
  for (const statement of searchIndexWithPrefixes('2 3')) await sql.raw(statement).execute(db);
}
