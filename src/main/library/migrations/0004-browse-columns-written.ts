import { sql, type Kysely } from 'kysely';
import { BACKFILL_BROWSE_COLUMNS } from './0002-browse-columns';

/**
 * Faster imports. Migration 0002's triggers recomputed a film's browse columns after each child
 * row that feeds them: 3–7 updates of the wide, many-indexed film row for every film written,
 * most of an import's time. The write path now computes those columns from the film and writes
 * them with the film row (film-rows.ts), and every write of child rows goes through it (a film's
 * children are always written whole, with it), so the triggers on the child tables go. The one on
 * people stays: renaming a person is not a film write.
 *
 * The directors list counted through an index of every credit by role (1.1 million entries at
 * 100,000 films, filled in random order on import); a partial index of the directors alone answers
 * it at a tenth of the size.
 * Frozen once released: change these in a new migration, never here.
 */

/** 0002's triggers: each child table, when a row matters, and the browse columns it feeds. */
const TRIGGERED: { table: string; when: (row: string) => string | null; columns: string[] }[] = [
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
  { table: 'film_copies', when: (row) => `${row}.position = 0`, columns: ['sort_media', 'sort_locations'] },
  { table: 'film_loans', when: () => null, columns: ['open_loans', 'next_due_on'] },
];
const EVENTS = ['INSERT', 'DELETE', 'UPDATE'] as const;
const triggerName = (table: string, event: string) => `${table}_browse_${event.toLowerCase()}`;

/** 0002's expression of each browse column for film `films.key`, read from its own backfill. */
const EXPRESSIONS = new Map(
  BACKFILL_BROWSE_COLUMNS.slice('UPDATE films SET '.length)
    .split(',\n    ')
    .map((assignment) => {
      const equals = assignment.indexOf(' = ');
      return [assignment.slice(0, equals), assignment.slice(equals + ' = '.length)] as const;
    }),
);

function recompute(columns: readonly string[], key: string): string {
  const assignments = columns.map(
    (column) => `${column} = ${(EXPRESSIONS.get(column) ?? 'NULL').replaceAll('films.key', key)}`,
  );
  return `UPDATE films SET ${assignments.join(',\n    ')} WHERE key = ${key};`;
}

/** 0002's triggers as it created them, to put back when this migration is undone. */
function triggersOf0002(): string[] {
  return TRIGGERED.flatMap(({ table, when, columns }) =>
    EVENTS.map((event) => {
      const row = event === 'DELETE' ? 'OLD' : 'NEW';
      const condition =
        event === 'UPDATE' && when('OLD') ? `(${when('OLD')}) OR (${when('NEW')})` : when(row);
      const body =
        event === 'UPDATE'
          ? `${recompute(columns, 'OLD.film_key')} ${recompute(columns, 'NEW.film_key')}`
          : recompute(columns, `${row}.film_key`);
      return `CREATE TRIGGER ${triggerName(table, event)} AFTER ${event} ON ${table}
        ${condition ? `WHEN ${condition}` : ''}
        BEGIN ${body} END`;
    }),
  );
}

const statements = [
  ...TRIGGERED.flatMap(({ table }) => EVENTS.map((event) => `DROP TRIGGER ${triggerName(table, event)}`)),
  'DROP INDEX film_credits_by_role',
  `CREATE INDEX film_credits_directors ON film_credits (person_key, film_key) WHERE role = 'director'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP INDEX film_credits_directors').execute(db);
  await sql.raw('CREATE INDEX film_credits_by_role ON film_credits (role, person_key, film_key)').execute(db);
  // Films written meanwhile have their columns right: the triggers take over from here.
  for (const trigger of triggersOf0002()) await sql.raw(trigger).execute(db);
}
