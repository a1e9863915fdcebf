import { mkdir, readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';

/** `2026-11-26T09-30-00-123Z`: sorts by time and is a valid file name everywhere (no colons). */
export function backupTimestamp(now: Date = new Date()): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** `<library>.backups/`, beside the library file. */
export function backupFolder(libraryPath: string): string {
  return join(dirname(libraryPath), `${basename(libraryPath)}.backups`);
}

/**
 * Copies the open library to `<library>.backups/<timestamp>-<reason>.sqlite` with SQLite's online
 * backup API, which copies a consistent snapshot of a live database (WAL included); a plain file
 * copy of a database in use can be torn. Returns the backup's path.
 */
export async function backupLibrary(
  sqlite: Database.Database,
  libraryPath: string,
  reason = 'before-import',
  now: Date = new Date(),
): Promise<string> {
  const folder = backupFolder(libraryPath);
  await mkdir(folder, { recursive: true });
  const destination = join(folder, `${backupTimestamp(now)}-${reason}.sqlite`);
  await sqlite.backup(destination);
  return destination;
}

/**
 * Deletes the oldest `<timestamp>-<reason>.sqlite` backups of a library beyond the newest `keep`
 * (the collector's "backups kept" setting). Other files in the folder are never touched.
 * Returns the paths removed.
 */
export async function pruneBackups(
  libraryPath: string,
  keep: number,
  reason = 'before-import',
): Promise<string[]> {
  const folder = backupFolder(libraryPath);
  const pattern = new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z-${reason}\\.sqlite$`);
  const names = (await readdir(folder).catch(() => [] as string[]))
    .filter((name) => pattern.test(name))
    .sort();
  const removed = names
    .slice(0, Math.max(0, names.length - Math.max(1, keep)))
    .map((name) => join(folder, name));
  for (const path of removed) await rm(path, { force: true });
  return removed;
}
