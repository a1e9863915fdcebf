import { existsSync, statSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { describeDamage, type CloudSyncWarning, type DamageNotice } from '../../shared/library-health';
import { backupSummary, backupTimestamp, listBackups, newestGoodBackup, type BackupEntry } from './backup';
import { cloudSyncWarning } from './cloud-sync';
import { migrations } from './migrations';
import { inspectFile, openSqliteFile, syncFolderOf, type IntegrityCheck } from './sqlite-files';

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

/**
 * `PRAGMA quick_check` before a library is opened for writing; throws DamagedLibraryError when it
 * finds anything. A new or empty file has nothing to check.
 */
export async function checkBeforeOpening(path: string, nativeBinding?: string): Promise<void> {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats?.isFile() || stats.size === 0) return;
  const problems = inspectFile(path, 'quick_check', nativeBinding);
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
