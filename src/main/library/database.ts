import Database from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  NO_MIGRATIONS,
  SqliteAdapter,
  SqliteDialect,
  type MigrationResultSet,
} from 'kysely';

export { NO_MIGRATIONS };
import { migrations } from './migrations';

/** An open library: the one writer connection, and Kysely over it for building queries. */
export type LibraryDatabase = {
  readonly path: string;
  readonly sqlite: Database.Database;
  readonly kysely: Kysely<unknown>;
  close(): Promise<void>;
};

export type OpenOptions = {
  /** Where better-sqlite3's native binding lives (the Electron build, in the app). */
  nativeBinding?: string;
  /** Open without migrating (used by tests that migrate step by step). */
  migrate?: boolean;
};

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    super(`The library could not be upgraded: migration ${migration} failed (${String(cause)}).`, { cause });
  }
}

/** SQLite runs DDL inside transactions; saying so makes Kysely's Migrator apply migrations atomically. */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class LibraryDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalSqliteAdapter();
  }
}

/** Opens (or creates) a library file: WAL, foreign keys, a busy timeout, full sync, migrated. */
export async function openDatabase(path: string, options: OpenOptions = {}): Promise<LibraryDatabase> {
  const sqlite = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const kysely = new Kysely<unknown>({ dialect: new LibraryDialect({ database: sqlite }) });
  const library: LibraryDatabase = {
    path,
    sqlite,
    kysely,
    close: () => kysely.destroy(),
  };
  if (options.migrate !== false) {
    try {
      await migrateToLatest(library);
    } catch (error) {
      await library.close();
      throw error;
    }
  }
  return library;
}

function migratorFor(library: LibraryDatabase): Migrator {
  return new Migrator({
    db: library.kysely,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
}

function throwOnFailure(result: MigrationResultSet): void {
  const failed = result.results?.find((step) => step.status === 'Error');
  if (result.error || failed) throw new MigrationError(failed?.migrationName ?? 'unknown', result.error);
}

/** Applies every pending migration. Each runs in a transaction: a failure leaves the file as it was. */
export async function migrateToLatest(library: LibraryDatabase): Promise<void> {
  throwOnFailure(await migratorFor(library).migrateToLatest());
}

/** Migrates up or down to the named migration (tests use it to step through history). */
export async function migrateTo(
  library: LibraryDatabase,
  name: string | typeof NO_MIGRATIONS,
): Promise<void> {
  throwOnFailure(await migratorFor(library).migrateTo(name));
}

/** The names of the migrations not yet applied to this file. */
export async function pendingMigrations(library: LibraryDatabase): Promise<string[]> {
  const all = await migratorFor(library).getMigrations();
  return all.filter((migration) => !migration.executedAt).map((migration) => migration.name);
}
