import type { Migration } from 'kysely';
import * as initial from './0001-initial';

/** Every migration, registered statically so bundlers and tests see the same list. */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
};

export const latestMigration = Object.keys(migrations).at(-1) ?? '';
