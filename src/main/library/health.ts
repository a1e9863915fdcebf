import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import type Database from 'better-sqlite3';
import { describeDamage, type CloudSyncWarning, type DamageNotice } from '../../shared/library-health';
import { backupSummary, backupTimestamp, listBackups, newestGoodBackup, type BackupEntry } from './backup';
import { cloudSyncWarning } from './cloud-sync';
import { migrations } from './migrations';
import {
  damageProblem,
  inspectFile,
  inspectFileInBackground,
  isDamageError,
  openSqliteFile,
  syncFolderOf,
  type IntegrityCheck,
} from './sqlite-files';

/**
 * The health of a library file: SQLite's own checks, run read-only so a damaged file is never
 * written to; what happens to a damaged file (kept aside under a new name, never overwritten); and
 * the whole check the CLI's `check` command prints.
 */

/** The library file is damaged: nothing was written to it. `notice` says what, and the newest good backup. */
export class DamagedLibraryError extends Error {
  readonly code = 'DAMAGED';
  constructor(readonly notice: DamageNotice) {
    super(
      `${describeDamage(notice, localTime).join(' ')} Restore a backup from the app's Backups view, or with \`filmfolio restore FILE\`${notice.newestBackup ? ` (the newest good one is ${notice.newestBackup.name})` : ''}; the damaged file is kept aside, never overwritten.`,
    );
    this.name = 'DamagedLibraryError';
  }
}

/** A date as the person reads it, in their time zone. */
export function localTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** The error for a damaged library, with the newest backup that passes its own check. */
export async function damagedLibraryError(
  path: string,
  problems: readonly string[],
  nativeBinding?: string,
): Promise<DamagedLibraryError> {
  const newest = await newestGoodBackup(path, nativeBinding);
  return new DamagedLibraryError({
    libraryPath: path,
    keptAsidePath: null,
    problems: problems.slice(0, 5),
    detectedAt: new Date().toISOString(),
    newestBackup: newest ? backupSummary(newest) : null,
  });
}

/** The header fields SQLite keeps in a file's first 100 bytes that say how long the file should be. */
function expectedBytes(path: string): { expected: number; pageSize: number } | null {
  const header = Buffer.alloc(100);
  const handle = openSync(path, 'r');
  try {
    if (readSync(handle, header, 0, 100, 0) < 100) return null;
  } finally {
    closeSync(handle);
  }
  if (header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return null;
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  // The page count is only valid when the change counter matches the "version valid for" field.
  if (pages === 0 || header.readUInt32BE(24) !== header.readUInt32BE(92)) return null;
  return { expected: pages * pageSize, pageSize };
}

/**
 * A file shorter than its header says: cut short (a copy that stopped, a full disk, a sync service),
 * or a checkpoint whose journal was then lost. Only without a journal: a WAL that holds pages, or
 * a rollback journal left by a crash, may still be due to grow the file or shrink its header back.
 */
function cutShort(path: string, bytes: number): string | null {
  for (const journal of ['-wal', '-journal']) {
    const stats = statSync(`${path}${journal}`, { throwIfNoEntry: false });
    if (stats && stats.size > 0) return null;
  }
  const header = expectedBytes(path);
  if (!header || bytes >= header.expected) return null;
  return `the file is shorter than its header says: ${Math.floor(bytes / header.pageSize)} of ${header.expected / header.pageSize} pages (it was cut short)`;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

type Look = { problems: string[]; holdsLibrary: boolean; pending: boolean };

/**
 * The cheap checks: the file's length against its header, its schema (a file that is not a
 * database, or whose schema is broken, is refused here), and the first and last row of every
 * table (their b-trees' root pages and both edges). A few milliseconds, whatever the size; the
 * whole file is read by quick_check, in the background (library-guard.ts) or on demand.
 */
function lookAtFile(
  path: string,
  bytes: number,
  migrationNames: readonly string[] | null,
  nativeBinding: string | undefined,
): Look {
  const short = cutShort(path, bytes);
  if (short) return { problems: [short], holdsLibrary: false, pending: false };
  let sqlite: Database.Database | null = null;
  try {
    sqlite = openSqliteFile(path, { readonly: true, fileMustExist: true, nativeBinding });
    const tables = sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND rootpage > 0")
      .all() as { name: string; sql: string | null }[];
    for (const { name, sql } of tables) {
      const withoutRowid = /\bwithout\s+rowid\s*$/i.test(sql ?? '');
      sqlite.prepare(`SELECT * FROM ${quoted(name)} LIMIT 1`).all();
      if (!withoutRowid) sqlite.prepare(`SELECT * FROM ${quoted(name)} ORDER BY rowid DESC LIMIT 1`).all();
    }
    const names = new Set(tables.map((table) => table.name));
    const holdsLibrary = names.has('films') && names.has('kysely_migration');
    const applied = holdsLibrary
      ? new Set(sqlite.prepare('SELECT name FROM kysely_migration').pluck().all() as string[])
      : new Set<string>();
    const pending = holdsLibrary && (migrationNames ?? []).some((name) => !applied.has(name));
    return { problems: [], holdsLibrary, pending };
  } catch (error) {
    if (!isDamageError(error)) throw error;
    return { problems: [damageProblem(error)], holdsLibrary: false, pending: false };
  } finally {
    sqlite?.close();
  }
}

export type CheckBeforeOpeningOptions = {
  nativeBinding?: string;
  /**
   * The migrations this open will apply (null: it will not migrate). A library about to be upgraded
   * gets SQLite's whole quick_check first: migrating writes all over the file.
   */
  migrations?: readonly string[] | null;
  /** 'quick_check': read the whole file now, as before every open once did (the CLI may ask for it). */
  check?: 'cheap' | IntegrityCheck;
};

/**
 * The checks before a library is opened for writing, read-only: a damaged file throws
 * DamagedLibraryError and is never written to. Cheap ones only (see lookAtFile), unless the file
 * is about to be migrated or a full check is asked for. A new or empty file has nothing to check.
 */
export async function checkBeforeOpening(
  path: string,
  options: CheckBeforeOpeningOptions = {},
): Promise<void> {
  const { nativeBinding } = options;
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats?.isFile() || stats.size === 0) return;
  const look = lookAtFile(path, stats.size, options.migrations ?? null, nativeBinding);
  let problems = look.problems;
  const thorough = options.check && options.check !== 'cheap' ? options.check : null;
  if (problems.length === 0 && (thorough || look.pending)) {
    problems = (await inspectFileInBackground(path, thorough ?? 'quick_check', nativeBinding)).problems;
  }
  if (problems.length > 0) throw await damagedLibraryError(path, problems, nativeBinding);
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/**
 * Moves a damaged library out of the way, untouched, with its journal files beside it (SQLite
 * pairs `X` with `X-wal`): `<library>.damaged-<timestamp>`. Never overwrites anything. Returns the
 * new path.
 */
export async function keepDamagedAside(path: string, now: Date = new Date()): Promise<string> {
  let aside = `${path}.damaged-${backupTimestamp(now)}`;
  for (let count = 2; SIDE_FILES.concat('').some((suffix) => existsSync(`${aside}${suffix}`)); count += 1) {
    aside = `${path}.damaged-${backupTimestamp(now)}-${count}`;
  }
  // Journal files first: a journal left beside a new, empty library would be played into it.
  for (const suffix of SIDE_FILES) {
    if (existsSync(`${path}${suffix}`)) await rename(`${path}${suffix}`, `${aside}${suffix}`);
  }
  await rename(path, aside);
  syncFolderOf(path);
  return aside;
}

/** Everything `filmfolio check` looks at, and what it found. */
export type LibraryCheck = {
  path: string;
  /** sound: opens and passes the check; damaged: SQLite found damage; missing: no file; not-a-library: another database. */
  status: 'sound' | 'damaged' | 'missing' | 'not-a-library';
  check: IntegrityCheck;
  /** True when SQLite's check ran (it did not for a missing, empty or unreadable file). */
  checked: boolean;
  problems: string[];
  bytes: number;
  /** Films in the library, the trash included (null when it could not be read). */
  films: number | null;
  inTrash: number | null;
  /** Migrations this version of Filmfolio will apply (with a backup first) when it next opens the file. */
  pendingMigrations: string[];
  backups: BackupEntry[];
  newestGoodBackup: BackupEntry | null;
  cloudSync: CloudSyncWarning | null;
};

type Contents = Pick<LibraryCheck, 'films' | 'inTrash' | 'pendingMigrations'> & { isLibrary: boolean };

function readContents(path: string, nativeBinding: string | undefined): Contents {
  const sqlite = openSqliteFile(path, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    const tables = new Set(
      sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
    );
    if (!tables.has('films') || !tables.has('kysely_migration')) {
      return { isLibrary: false, films: null, inTrash: null, pendingMigrations: [] };
    }
    const applied = new Set(sqlite.prepare('SELECT name FROM kysely_migration').pluck().all() as string[]);
    const counts = sqlite
      .prepare('SELECT count(*) AS films, count(deleted_at) AS inTrash FROM films')
      .get() as { films: number; inTrash: number };
    return {
      isLibrary: true,
      ...counts,
      pendingMigrations: Object.keys(migrations).filter((name) => !applied.has(name)),
    };
  } finally {
    sqlite.close();
  }
}

/**
 * Checks a library file without changing it: SQLite's quick_check (or the slower, thorough
 * integrity_check), whether it is a Filmfolio library, its backups (the newest good one checked
 * too), and whether it sits in a cloud-synced folder.
 */
export async function checkLibraryFile(
  path: string,
  options: { check?: IntegrityCheck; nativeBinding?: string } = {},
): Promise<LibraryCheck> {
  const check = options.check ?? 'quick_check';
  const stats = statSync(path, { throwIfNoEntry: false });
  const base = {
    path,
    check,
    checked: false,
    bytes: stats?.size ?? 0,
    films: null,
    inTrash: null,
    pendingMigrations: [],
    backups: await listBackups(path),
    newestGoodBackup: await newestGoodBackup(path, options.nativeBinding),
    cloudSync: cloudSyncWarning(path),
  };
  if (!stats) return { ...base, status: 'missing', problems: [`there is no file at ${path}`] };
  if (!stats.isFile()) return { ...base, status: 'not-a-library', problems: [`${path} is not a file`] };
  if (stats.size === 0) return { ...base, status: 'not-a-library', problems: ['the file is empty'] };
  const problems = inspectFile(path, check, options.nativeBinding);
  if (problems.length > 0) return { ...base, checked: true, status: 'damaged', problems };
  const { isLibrary, ...contents } = readContents(path, options.nativeBinding);
  return isLibrary
    ? { ...base, ...contents, checked: true, status: 'sound', problems: [] }
    : {
        ...base,
        checked: true,
        status: 'not-a-library',
        problems: ['it is an SQLite database, but not a Filmfolio library'],
      };
}
