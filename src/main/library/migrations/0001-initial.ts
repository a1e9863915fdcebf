import { sql, type Kysely } from 'kysely';

/**
 * The whole film model in normalised tables. A film's repeated groups are child tables keyed by
 * (film_key, position); people are shared rows, so "everything with this person" is one join.
 * Frozen: change the model in a new migration, never here.
 */
const statements = [
  `CREATE TABLE films (
    key INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    original_title TEXT,
    sort_title TEXT NOT NULL COLLATE NOCASE,
    year INTEGER,
    runtime_minutes INTEGER,
    trailer_label TEXT,
    trailer_url TEXT,
    quip TEXT,
    budget_amount INTEGER, budget_currency TEXT,
    domestic_amount INTEGER, domestic_currency TEXT,
    worldwide_amount INTEGER, worldwide_currency TEXT,
    personal_review INTEGER NOT NULL DEFAULT 0,
    personal_review_text TEXT,
    consensus TEXT,
    where_to_watch INTEGER NOT NULL DEFAULT 0,
    where_to_watch_note TEXT,
    soundtrack INTEGER NOT NULL DEFAULT 0,
    soundtrack_note TEXT,
    user_rating REAL,
    notes TEXT,
    added_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  )`,
  `CREATE INDEX films_by_title ON films (sort_title, year, key) WHERE deleted_at IS NULL`,
  `CREATE INDEX films_by_year ON films (year, sort_title, key) WHERE deleted_at IS NULL`,
  `CREATE INDEX films_by_runtime ON films (runtime_minutes, sort_title, key) WHERE deleted_at IS NULL`,
  `CREATE INDEX films_by_rating ON films (user_rating, sort_title, key) WHERE deleted_at IS NULL`,
  `CREATE INDEX films_by_added ON films (added_at, sort_title, key) WHERE deleted_at IS NULL`,
  `CREATE INDEX films_title_year ON films (title COLLATE NOCASE, year)`,
  `CREATE TABLE people (key INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)`,
  `CREATE TABLE film_credits (
    film_key INTEGER NOT NULL REFERENCES films (key) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('director', 'cast', 'crew')),
    position INTEGER NOT NULL,
    person_key INTEGER NOT NULL REFERENCES people (key),
    character TEXT,
    description TEXT,
    job TEXT,
    PRIMARY KEY (film_key, role, position)
  )`,
  `CREATE INDEX film_credits_by_person ON film_credits (person_key, role, film_key)`,
  `CREATE TABLE film_terms (
    film_key INTEGER NOT NULL REFERENCES films (key) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('genre', 'tag', 'trivia', 'audience', 'content_warning')),
    position INTEGER NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (film_key, kind, position)
  )`,
  `CREATE INDEX film_terms_by_value ON film_terms (kind, value, film_key)`,
  `CREATE TABLE film_external_ids (
    film_key INTEGER NOT NULL REFERENCES films (key) ON DELETE CASCADE,
    source TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (film_key, source)
  )`,
  `CREATE INDEX film_external_ids_by_value ON film_external_ids (source, value)`,
  `CREATE TABLE film_ratings (
    film_key INTEGER NOT NULL REFERENCES films (key) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    source TEXT NOT NULL,
    value REAL NOT NULL,
    scale REAL NOT NULL,
    votes INTEGER,
    PRIMARY KEY (film_key, position)
  )`,
  `CREATE TABLE film_sections (
    film_key INTEGER NOT NULL REFERENCES films (key) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('synopsis', 'spoilers')),
    position INTEGER NOT NULL,
    heading TEXT,
    body TEXT NOT NULL,
    PRIMARY KEY (film_key, kind, position)
  )`,
  `CREATE TABLE film_quotes (
    film_key INTEGER NOT NULL REFERENCES films (key) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    speaker TEXT,
    text TEXT NOT NULL,
    context TEXT,
    PRIMARY KEY (film_key, position)
  )`,
  `CREATE TABLE film_critic_reviews (
    film_key INTEGER NOT NULL REFERENCES films (key) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    outlet TEXT NOT NULL,
    text TEXT NOT NULL,
    url TEXT,
    score TEXT,
    PRIMARY KEY (film_key, position)
  )`,
  `CREATE TABLE film_audience_reactions (
    film_key INTEGER NOT NULL REFERENCES films (key) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    headline TEXT NOT NULL,
    detail TEXT,
    PRIMARY KEY (film_key, position)
  )`,
  `CREATE TABLE film_awards (
    film_key INTEGER NOT NULL REFERENCES films (key) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    event TEXT NOT NULL,
    category TEXT,
    year INTEGER,
    result TEXT NOT NULL CHECK (result IN ('won', 'nominated')),
    PRIMARY KEY (film_key, position)
  )`,
  `CREATE TABLE film_providers (
    film_key INTEGER NOT NULL REFERENCES films (key) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT CHECK (kind IN ('stream', 'rent', 'buy')),
    url TEXT,
    PRIMARY KEY (film_key, position)
  )`,
  `CREATE TABLE film_similar (
    film_key INTEGER NOT NULL REFERENCES films (key) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    year INTEGER,
    reason TEXT,
    similar_film_id TEXT,
    PRIMARY KEY (film_key, position)
  )`,
  `CREATE TABLE film_products (
    film_key INTEGER NOT NULL REFERENCES films (key) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    url TEXT,
    PRIMARY KEY (film_key, position)
  )`,
  `CREATE TABLE film_tracks (
    film_key INTEGER NOT NULL REFERENCES films (key) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    performer TEXT,
    PRIMARY KEY (film_key, position)
  )`,
  `CREATE TABLE film_faq (
    film_key INTEGER NOT NULL REFERENCES films (key) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    question TEXT,
    answer TEXT NOT NULL,
    PRIMARY KEY (film_key, position)
  )`,
  `CREATE TABLE film_bonus (
    film_key INTEGER NOT NULL REFERENCES films (key) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    description TEXT,
    url TEXT,
    PRIMARY KEY (film_key, position)
  )`,
  `CREATE TABLE film_watched (
    film_key INTEGER NOT NULL REFERENCES films (key) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    date TEXT,
    note TEXT,
    PRIMARY KEY (film_key, position)
  )`,
  `CREATE TABLE film_copies (
    film_key INTEGER NOT NULL REFERENCES films (key) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    medium TEXT NOT NULL,
    edition TEXT,
    region TEXT,
    location TEXT,
    barcode TEXT,
    acquired TEXT,
    price_amount INTEGER,
    price_currency TEXT,
    PRIMARY KEY (film_key, position)
  )`,
  `CREATE INDEX film_copies_by_medium ON film_copies (medium, film_key)`,
  `CREATE TABLE film_loans (
    film_key INTEGER NOT NULL REFERENCES films (key) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    copy_index INTEGER,
    borrower TEXT NOT NULL,
    lent_on TEXT NOT NULL,
    due_on TEXT,
    returned_on TEXT,
    PRIMARY KEY (film_key, position)
  )`,
  `CREATE TABLE film_posters (
    film_key INTEGER PRIMARY KEY REFERENCES films (key) ON DELETE CASCADE,
    media_type TEXT NOT NULL,
    data BLOB NOT NULL
  )`,
  // The search index: one row per film (rowid = films.key), written in the same transaction.
  `CREATE VIRTUAL TABLE films_fts USING fts5 (
    title, people, characters, quotes, story, trivia, reviews, tags, notes,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'films_fts',
    'film_posters',
    'film_loans',
    'film_copies',
    'film_watched',
    'film_bonus',
    'film_faq',
    'film_tracks',
    'film_products',
    'film_similar',
    'film_providers',
    'film_awards',
    'film_audience_reactions',
    'film_critic_reviews',
    'film_quotes',
    'film_sections',
    'film_ratings',
    'film_external_ids',
    'film_terms',
    'film_credits',
    'people',
    'films',
  ];
  for (const table of tables) await sql.raw(`DROP TABLE ${table}`).execute(db);
}
