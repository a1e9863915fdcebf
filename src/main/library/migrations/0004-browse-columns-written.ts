import { sql, type Kysely } from 'kysely';
import { SOURCES as TRIGGERED, triggers as triggersOf0002 } from './0002-browse-columns';

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

const EVENTS = ['insert', 'delete', 'update'] as const;

const statements = [
  ...TRIGGERED.flatMap(({ table }) => EVENTS.map((event) => `DROP TRIGGER ${table}_browse_${event}`)),
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
