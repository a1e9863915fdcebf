import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { parseBackupName, type BackupReason, type BackupSummary } from '../../shared/backups';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import {
  bindingOf,
  checkProblems,
  inspectFileInBackground,
  openSqliteFile,
  syncFolderOf,
} from './sqlite-files';

/**
 * Backups of a library: whole copies made with SQLite's online backup API (a consistent snapshot
 * of a live database, its WAL included; a plain file copy of a database in use can be torn), each
 * written under a temporary name, checked with `integrity_check`, and only then renamed into
 * `<library>.backups/<when>-<why>.sqlite`. A backup that was interrupted or failed its check
 * never appears under a backup's name.
 */

/** The collector's "backups kept" setting when nobody says otherwise. */
export const DEFAULT_BACKUPS_KEPT = DEFAULT_SETTINGS.backupsKept;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A temporary file this old belongs to no backup still running: it was interrupted. */
const STALE_PARTIAL_MS = 10 * 60 * 1000;
const PARTIAL = '.partial';

/** A backup on disk. */
export type BackupEntry = BackupSummary & { path: string };

/** A backup could not be taken or did not pass its check; the library itself is untouched. */
export class BackupError extends Error {
  readonly code = 'BACKUP_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Backups being taken of each connection: closing it meanwhile (a restore, a switch) would cut them off. */
const running = new WeakMap<Database.Database, number>();

/** True while a backup of this connection is being taken or pruned after. */
export function isBackupRunning(sqlite: Database.Database): boolean {
  return (running.get(sqlite) ?? 0) > 0;
}

async function whileBackingUp<T>(sqlite: Database.Database, work: () => Promise<T>): Promise<T> {
  running.set(sqlite, (running.get(sqlite) ?? 0) + 1);
  try {
    return await work();
  } finally {
    running.set(sqlite, (running.get(sqlite) ?? 1) - 1);
  }
}

/** `2026-11-26T09-30-00-123Z`: sorts by time and is a valid file name everywhere (no colons). */
export function backupTimestamp(now: Date = new Date()): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** `<library>.backups/`, beside the library file. */
export function backupFolder(libraryPath: string): string {
  return join(dirname(libraryPath), `${basename(libraryPath)}.backups`);
}

/** A name no backup has yet: two backups in one millisecond get consecutive milliseconds. */
function freeBackupPath(folder: string, reason: BackupReason, now: Date): string {
  for (let time = now.getTime(); ; time += 1) {
    const path = join(folder, `${backupTimestamp(new Date(time))}-${reason}.sqlite`);
    if (!existsSync(path) && !existsSync(`${path}${PARTIAL}`)) return path;
  }
}

/**
 * Makes a fresh copy self-contained (rollback journal instead of WAL: one file, nothing beside it)
 * and checks it, in a worker: integrity_check reads the whole copy (half a minute for 3 GB), and
 * the main process must stay responsive meanwhile. Throws BackupError when the check finds anything.
 */
async function settleCopy(path: string, nativeBinding: string | undefined): Promise<void> {
  const copy = openSqliteFile(path, { fileMustExist: true, nativeBinding });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const { problems } = await inspectFileInBackground(path, 'integrity_check', nativeBinding);
  if (problems.length > 0) {
    throw new BackupError(`The backup failed its integrity check (${problems.slice(0, 3).join('; ')}).`);
  }
}

async function removeCopy(path: string): Promise<void> {
  for (const suffix of ['', '-journal', '-wal', '-shm']) await rm(`${path}${suffix}`, { force: true });
}

/**
 * Copies `source` (any SQLite file, or the open library) to `destination` with the backup API and
 * checks the copy; nothing is left at `destination` when that fails.
 */
export async function copyVerified(
  source: Database.Database,
  destination: string,
  nativeBinding: string | undefined,
): Promise<void> {
  await settledCopy(destination, nativeBinding, () => source.backup(destination));
}

/** Runs `copy` to `destination`, then settles and checks it; nothing is left there when either fails. */
async function settledCopy(
  destination: string,
  nativeBinding: string | undefined,
  copy: () => Promise<unknown>,
): Promise<void> {
  try {
    await copy();
    await settleCopy(destination, nativeBinding);
  } catch (error) {
    await removeCopy(destination);
    throw error;
  }
}

/**
 * Copies the library through a read-only connection of its own that holds one read transaction
 * throughout: the copy is the library as last committed when it began. A write on the app's
 * connection meanwhile (an import begun while a 3 GB copy runs) can neither reach the copy half
 * done nor stall it, and a write through another connection cannot restart it.
 */
async function copySnapshot(
  libraryPath: string,
  destination: string,
  nativeBinding: string | undefined,
): Promise<void> {
  const source = openSqliteFile(libraryPath, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    source.exec('BEGIN');
    source.prepare('SELECT count(*) FROM sqlite_master').get();
    await source.backup(destination);
  } finally {
    if (source.inTransaction) source.exec('COMMIT');
    source.close();
  }
}

/**
 * Backs up the open library to `<library>.backups/<timestamp>-<reason>.sqlite`, verified with
 * `integrity_check` before it takes its name. Returns the backup's path. Refuses while a change is
 * being written on this connection: the copy would hold it half done.
 */
export async function backupLibrary(
  sqlite: Database.Database,
  libraryPath: string,
  reason: BackupReason = 'before-import',
  now: Date = new Date(),
): Promise<string> {
  refuseInTransaction(sqlite);
  const folder = backupFolder(libraryPath);
  return whileBackingUp(sqlite, () =>
    takeBackup(folder, reason, now, async (destination) => {
      await copyVerified(sqlite, destination, bindingOf(sqlite));
      // A write begun on this connection while the copy ran, and not yet committed, may be in the copy.
      if (sqlite.inTransaction) {
        await removeCopy(destination);
        throw new BackupError('A change was being written while the backup ran; try again when it is done.');
      }
    }),
  );
}

/**
 * A backup as backupLibrary takes it, but copied from a snapshot (copySnapshot): for the daily
 * backup, taken in the background while the collector goes on working. A change being written on
 * `sqlite` (the app's connection) meanwhile is not in the copy: it was not committed when it began.
 */
export async function backupSnapshot(
  sqlite: Database.Database,
  libraryPath: string,
  reason: BackupReason,
  now: Date = new Date(),
): Promise<string> {
  const folder = backupFolder(libraryPath);
  const nativeBinding = bindingOf(sqlite);
  return whileBackingUp(sqlite, () =>
    takeBackup(folder, reason, now, (destination) =>
      settledCopy(destination, nativeBinding, () => copySnapshot(libraryPath, destination, nativeBinding)),
    ),
  );
}

function refuseInTransaction(sqlite: Database.Database): void {
  if (sqlite.inTransaction) {
    throw new BackupError(
      'The library cannot be backed up while a change is being written; try again when it is done.',
    );
  }
}

/** Copies (with `copy`) under a temporary name, then gives the checked copy its backup's name. */
async function takeBackup(
  folder: string,
  reason: BackupReason,
  now: Date,
  copy: (destination: string) => Promise<void>,
): Promise<string> {
  try {
    await mkdir(folder, { recursive: true });
    const destination = freeBackupPath(folder, reason, now);
    await copy(`${destination}${PARTIAL}`);
    await rename(`${destination}${PARTIAL}`, destination);
    syncFolderOf(destination);
    return destination;
  } catch (error) {
    const why = (error instanceof BackupError ? error.message : messageOf(error)).replace(/\.?$/, '.');
    throw new BackupError(
      `The library could not be backed up to ${folder}: ${why} The library itself is unchanged.`,
      {
        cause: error,
      },
    );
  }
}

/** Every backup of a library, newest first. */
export async function listBackups(libraryPath: string): Promise<BackupEntry[]> {
  const folder = backupFolder(libraryPath);
  const names = await readdir(folder).catch(() => [] as string[]);
  const entries: BackupEntry[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const path = join(folder, name);
    const stats = await stat(path).catch(() => null);
    if (stats?.isFile()) entries.push({ name, path, bytes: stats.size, ...parsed });
  }
  return entries.sort((a, b) => (a.name < b.name ? 1 : -1));
}

/** A backup as the window and the CLI show it (no path: the window names backups, never paths). */
export function backupSummary({ name, createdAt, reason, bytes }: BackupEntry): BackupSummary {
  return { name, createdAt, reason, bytes };
}

/** Removes what interrupted backups left behind (never a file that is not ours). */
async function removeStalePartials(folder: string, now: number): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const backupName = name.replace(/\.partial(-journal|-wal|-shm)?$/, '');
    if (backupName === name || !parseBackupName(backupName)) continue;
    const stats = await stat(join(folder, name)).catch(() => null);
    if (stats && now - stats.mtimeMs > STALE_PARTIAL_MS) await rm(join(folder, name), { force: true });
  }
}

/**
 * Deletes the oldest backups of a library beyond the newest `keep` (the collector's "backups kept"
 * setting; at least one is always kept), whatever their reason. Files in the folder that are not
 * backups are never touched. Returns the paths removed.
 */
export async function pruneBackups(
  libraryPath: string,
  keep: number = DEFAULT_BACKUPS_KEPT,
): Promise<string[]> {
  await removeStalePartials(backupFolder(libraryPath), Date.now());
  const backups = await listBackups(libraryPath);
  const removed = backups.slice(Math.max(1, keep)).map((backup) => backup.path);
  for (const path of removed) await rm(path, { force: true });
  return removed;
}

/** Backs up, then keeps only the newest `keep` (all of them when `keep` is not given). */
export async function backupAndPrune(
  sqlite: Database.Database,
  libraryPath: string,
  reason: BackupReason,
  keep?: number,
  now: Date = new Date(),
): Promise<string> {
  return whileBackingUp(sqlite, async () => {
    const path = await backupLibrary(sqlite, libraryPath, reason, now);
    if (keep !== undefined) await pruneBackups(libraryPath, keep);
    return path;
  });
}

/** What SQLite finds wrong with a backup file, or that it is no Filmfolio library; [] for a good one. */
export function backupProblems(path: string, nativeBinding?: string): string[] {
  let sqlite: Database.Database | null = null;
  try {
    sqlite = openSqliteFile(path, { readonly: true, fileMustExist: true, nativeBinding });
    const problems = checkProblems(sqlite, 'integrity_check');
    if (problems.length > 0) return problems;
    const tables = sqlite
      .prepare(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('films', 'kysely_migration')",
      )
      .pluck()
      .get() as number;
    return tables === 2 ? [] : ['it is not a Filmfolio library (it has no films)'];
  } catch (error) {
    return [messageOf(error)];
  } finally {
    sqlite?.close();
  }
}

/**
 * The newest backup that passes its integrity check, or null. Checks from the newest down, each in
 * a worker (a backup is as large as the library).
 */
export async function newestGoodBackup(
  libraryPath: string,
  nativeBinding?: string,
): Promise<BackupEntry | null> {
  for (const backup of await listBackups(libraryPath)) {
    const found = await inspectFileInBackground(backup.path, 'integrity_check', nativeBinding).catch(
      () => null,
    );
    if (found && found.problems.length === 0 && found.isLibrary) return backup;
  }
  return null;
}

/** When the library file last changed: the file, or its WAL when that holds anything. */
function lastChangeMs(libraryPath: string): number {
  const file = statSync(libraryPath, { throwIfNoEntry: false });
  const wal = statSync(`${libraryPath}-wal`, { throwIfNoEntry: false });
  return Math.max(file?.mtimeMs ?? 0, wal && wal.size > 0 ? wal.mtimeMs : 0);
}

export type DailyBackupOptions = { keep?: number; now?: Date };

/**
 * The daily backup: taken when the library holds films, its newest backup is more than a day old
 * (or there is none), and the file changed since that backup. Copied from a snapshot, so it may run
 * in the background while the library is in use; never begun while a change (an import) is being
 * written. Returns the backup's path, or null when none was due.
 */
export async function backupIfDue(
  sqlite: Database.Database,
  libraryPath: string,
  options: DailyBackupOptions = {},
): Promise<string | null> {
  if (libraryPath === ':memory:' || sqlite.inTransaction) return null;
  const hasFilms = sqlite.prepare('SELECT EXISTS (SELECT 1 FROM films)').pluck().get() === 1;
  if (!hasFilms) return null;
  const now = options.now ?? new Date();
  const newest = (await listBackups(libraryPath))[0];
  if (newest) {
    const takenAt = Date.parse(newest.createdAt);
    if (now.getTime() - takenAt < DAY_MS || lastChangeMs(libraryPath) <= takenAt) return null;
  }
  return whileBackingUp(sqlite, async () => {
    const path = await backupSnapshot(sqlite, libraryPath, 'daily', now);
    if (options.keep !== undefined) await pruneBackups(libraryPath, options.keep);
    return path;
  });
}
