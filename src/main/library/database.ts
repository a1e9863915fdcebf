import type Database from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  NO_MIGRATIONS,
  SqliteAdapter,
  SqliteDialect,
  type Migration,
  type MigrationResultSet,
} from 'kysely';

export { NO_MIGRATIONS };
import { migrations as frozenMigrations } from './migrations';
import { backupAndPrune } from './backup';
import { checkBeforeOpening, damagedLibraryError, type CheckBeforeOpeningOptions } from './health';
import {
  bindingOf,
  checkpointInBackground,
  isDamageError,
  openSqliteFile,
  type Checkpointed,
} from './sqlite-files';

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
  /** Backups kept after the one taken before migrating (the collector's setting); all when absent. */
  backupsKept?: number;
  /** The migrations to apply: the frozen list, unless a test brings its own (one that fails). */
  migrations?: Record<string, Migration>;
  /**
   * How much of the file to check before opening it: the cheap checks (the default: header, schema,
   * the edges of every table; the app then runs quick_check in the background), or SQLite's whole
   * quick_check / integrity_check now. A file about to be migrated always gets quick_check first.
   */
  check?: CheckBeforeOpeningOptions['check'];
};

/** A migration failed: every migration of that run was rolled back, so the file is as it was. */
export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    cause: unknown,
    /** The backup taken just before migrating, when one was. */
    readonly backupPath: string | null = null,
  ) {
    const backup = backupPath ? ` A backup was taken first: ${backupPath}.` : '';
    super(
      `The library could not be upgraded: migration ${migration} failed (${String(cause)}). The library file was left as it was.${backup}`,
      { cause },
    );
    this.name = 'MigrationError';
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

/** The page size of a library created from now on (bytes). */
export const NEW_LIBRARY_PAGE_SIZE = 8192;

/** A connection's page cache in bytes: cache_size counts pages when positive, KiB when negative. */
export function pageCacheBytes(sqlite: Database.Database): number {
  const size = sqlite.pragma('cache_size', { simple: true }) as number;
  return size < 0 ? -size * 1024 : size * (sqlite.pragma('page_size', { simple: true }) as number);
}

/** The connection's settings; a file SQLite cannot read turns into DamagedLibraryError. */
async function connect(path: string, nativeBinding: string | undefined): Promise<Database.Database> {
  const sqlite = openSqliteFile(path, { nativeBinding });
  try {
    sqlite.pragma('busy_timeout = 5000');
    // A new library's pages are 8 KiB (SQLite's default is 4): a rich film's search text (6.5 KB
    // at the full profile) then fits on one page where 4 KiB pages chain it to overflow pages, and
    // an import writes 6–10 % faster (measured at 10k full and 100k light films). It takes effect
    // only while the file is still empty, before WAL; an existing library keeps its own size.
    sqlite.pragma(`page_size = ${NEW_LIBRARY_PAGE_SIZE}`);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('cache_size = -65536'); // 64 MiB at most (default 2 MiB): big imports stop re-reading index pages
    return sqlite;
  } catch (error) {
    sqlite.close();
    if (!isDamageError(error)) throw error;
    throw await damagedLibraryError(
      path,
      [error instanceof Error ? error.message : String(error)],
      nativeBinding,
    );
  }
}

/** Each connection's checkpoint running in the background, if any (see checkpointLater). */
const checkpoints = new WeakMap<Database.Database, Promise<Checkpointed | null>>();

/** A connection's checkpoints held back: the wal_autocheckpoint it had, and how many holds are on. */
const holds = new WeakMap<Database.Database, { pages: number; count: number }>();

/**
 * Holds back the connection's own checkpoints (wal_autocheckpoint = 0) for a bulk write, whose WAL
 * checkpointLater then copies. Each hold is released once: by releaseCheckpoints when the write
 * fails, or by the end of the background checkpoint it was handed to; the last release puts the
 * connection's checkpoints back as they were.
 */
export function holdCheckpoints(sqlite: Database.Database): void {
  const held = holds.get(sqlite) ?? {
    pages: sqlite.pragma('wal_autocheckpoint', { simple: true }) as number,
    count: 0,
  };
  held.count += 1;
  holds.set(sqlite, held);
  sqlite.pragma('wal_autocheckpoint = 0');
}

/** Releases one hold of holdCheckpoints; the last puts the connection's checkpoints back. */
export function releaseCheckpoints(sqlite: Database.Database): void {
  const held = holds.get(sqlite);
  if (!held) return;
  held.count -= 1;
  if (held.count > 0) return;
  holds.delete(sqlite);
  if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${held.pages}`);
}

/**
 * Copies the library's WAL into its file in a worker thread (checkpointInBackground) rather than at
 * the COMMIT that filled it, which held the main process meanwhile: after a bulk import the WAL
 * holds every page the import wrote (239 MB at 10,000 full films; copying it took 0.4–0.6 s there
 * and 12.7 s at 100,000 full films). Until it is copied, reads find the newest pages in the WAL, as
 * they always do. The connection's own checkpoints stay held back (the bulk write's hold, handed
 * on here and released when the worker ends), so the next save does not copy it all inline.
 * Answers what SQLite's checkpoint did, or null when it could not run (the next COMMIT's own
 * checkpoint, or closing, then does it). Closing the library waits for it.
 */
export function checkpointLater(database: LibraryDatabase): Promise<Checkpointed | null> {
  const { sqlite, path } = database;
  const running: Promise<Checkpointed | null> = (checkpoints.get(sqlite) ?? Promise.resolve(null))
    .then(() => (path === ':memory:' ? null : checkpointInBackground(path, bindingOf(sqlite))))
    .catch(() => null)
    .finally(() => {
      if (checkpoints.get(sqlite) === running) checkpoints.delete(sqlite);
      releaseCheckpoints(sqlite);
    });
  checkpoints.set(sqlite, running);
  return running;
}

/** The background checkpoint of a connection, until it ends (null when none was started or it failed). */
export function backgroundCheckpoint(sqlite: Database.Database): Promise<Checkpointed | null> {
  return checkpoints.get(sqlite) ?? Promise.resolve(null);
}

/**
 * Opens (or creates) a library file: checked first (read-only: a damaged file throws
 * DamagedLibraryError and is never written to; see checkBeforeOpening for how much is read), then
 * WAL, foreign keys, a busy timeout, full sync, and migrated (with a backup first when the file
 * already holds a library).
 */
export async function openDatabase(path: string, options: OpenOptions = {}): Promise<LibraryDatabase> {
  if (path !== ':memory:') {
    await checkBeforeOpening(path, {
      nativeBinding: options.nativeBinding,
      migrations: options.migrate === false ? null : Object.keys(options.migrations ?? frozenMigrations),
      check: options.check,
    });
  }
  const sqlite = await connect(path, options.nativeBinding);
  const kysely = new Kysely<unknown>({ dialect: new LibraryDialect({ database: sqlite }) });
  const library: LibraryDatabase = {
    path,
    sqlite,
    kysely,
    close: async () => {
      await backgroundCheckpoint(sqlite);
      await kysely.destroy();
    },
  };
  if (options.migrate !== false) {
    try {
      await migrateWithBackup(library, options);
    } catch (error) {
      await library.close();
      throw error;
    }
  }
  return library;
}

function migratorFor(library: LibraryDatabase, migrations = frozenMigrations): Migrator {
  return new Migrator({
    db: library.kysely,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
}

function throwOnFailure(result: MigrationResultSet, backupPath: string | null = null): void {
  const failed = result.results?.find((step) => step.status === 'Error');
  if (result.error || failed) {
    throw new MigrationError(failed?.migrationName ?? 'unknown', result.error, backupPath);
  }
}

/**
 * Applies the pending migrations, backing the file up first when it already holds a library (a new
 * file has nothing to lose). All of them run in one transaction: a failure leaves the file as it
 * was, and the error names the migration that failed.
 */
async function migrateWithBackup(library: LibraryDatabase, options: OpenOptions): Promise<void> {
  const migrator = migratorFor(library, options.migrations);
  const known = await migrator.getMigrations();
  if (known.every((migration) => migration.executedAt)) return;
  const holdsLibrary = known.some((migration) => migration.executedAt);
  const backupPath =
    holdsLibrary && library.path !== ':memory:'
      ? await backupAndPrune(library.sqlite, library.path, 'before-migration', options.backupsKept)
      : null;
  throwOnFailure(await migrator.migrateToLatest(), backupPath);
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
