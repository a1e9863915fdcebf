import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { backupLibrary, backupProblems, copyVerified, pruneBackups } from './backup';
import { keepDamagedAside } from './health';
import { inspectFileInBackground, openSqliteFile, syncFolderOf } from './sqlite-files';

/**
 * Putting a backup in a library's place. The library as it is goes first to safety: backed up when
 * it is sound and holds films, kept aside (renamed, untouched) when it is damaged. The backup is
 * copied beside the library under a temporary name and renamed over it in one step, so an
 * interruption leaves either the old file or the restored one, never a mix.
 */

/** A restore that was not done; the library is as it was. */
export class RestoreRefusedError extends Error {
  readonly code = 'REJECTED';
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

export type RestoreOptions = {
  /** Backups kept afterwards (the collector's setting); all when absent. */
  backupsKept?: number;
  nativeBinding?: string;
  now?: Date;
};

export type RestoreOutcome = {
  restoredFrom: string;
  /** The backup of the library as it was, or null when it held no film (or was damaged). */
  safetyBackup: string | null;
  /** Where the damaged file went, when the library was damaged. */
  keptAsidePath: string | null;
};

type Safety = Pick<RestoreOutcome, 'safetyBackup' | 'keptAsidePath'>;

/** Backs up a sound library that holds films; keeps a damaged (or foreign) file aside. */
async function secureCurrentFile(libraryPath: string, options: RestoreOptions): Promise<Safety> {
  if (!existsSync(libraryPath)) return { safetyBackup: null, keptAsidePath: null };
  const { nativeBinding, now } = options;
  // Read whole, in a worker: the main process stays responsive however large the library.
  const { problems } = await inspectFileInBackground(libraryPath, 'quick_check', nativeBinding);
  if (problems.length > 0) {
    return { safetyBackup: null, keptAsidePath: await keepDamagedAside(libraryPath, now) };
  }
  const sqlite = openSqliteFile(libraryPath, { fileMustExist: true, nativeBinding });
  let safetyBackup: string | null = null;
  try {
    const isLibrary =
      sqlite
        .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'films'")
        .pluck()
        .get() === 1;
    if (!isLibrary) {
      sqlite.close();
      return { safetyBackup: null, keptAsidePath: await keepDamagedAside(libraryPath, now) };
    }
    const hasFilms = sqlite.prepare('SELECT EXISTS (SELECT 1 FROM films)').pluck().get() === 1;
    if (hasFilms) safetyBackup = await backupLibrary(sqlite, libraryPath, 'before-restore', now);
  } finally {
    if (sqlite.open) sqlite.close();
  }
  // Closing the last connection folds the WAL into the file and deletes it: one still there means
  // another program (the app, or the command line) has the library open.
  if (existsSync(`${libraryPath}-wal`)) {
    const saved = safetyBackup ? ` A backup of it was taken: ${safetyBackup}.` : '';
    throw new RestoreRefusedError(
      `${libraryPath} is open in another program (Filmfolio, or the filmfolio command): close it and restore again. Nothing was replaced.${saved}`,
    );
  }
  return { safetyBackup, keptAsidePath: null };
}

/**
 * Restores `backupPath` (a backup, or any sound Filmfolio library file) as the library at
 * `libraryPath`. The library must not be open in this process: close it first, open it after.
 * Refuses a backup that fails its integrity check, and changes nothing then.
 */
export async function restoreLibrary(
  libraryPath: string,
  backupPath: string,
  options: RestoreOptions = {},
): Promise<RestoreOutcome> {
  if (resolve(backupPath) === resolve(libraryPath)) {
    throw new RestoreRefusedError(`${backupPath} is the library itself, not a backup of it.`);
  }
  const problems = backupProblems(backupPath, options.nativeBinding);
  if (problems.length > 0) {
    throw new RestoreRefusedError(
      `${backupPath} cannot be restored: ${problems.slice(0, 3).join('; ')}. Nothing was changed; choose another backup.`,
    );
  }
  const incoming = `${libraryPath}.restoring-${process.pid}`;
  const source = openSqliteFile(backupPath, {
    readonly: true,
    fileMustExist: true,
    nativeBinding: options.nativeBinding,
  });
  try {
    await copyVerified(source, incoming, options.nativeBinding);
  } finally {
    source.close();
  }
  try {
    const safety = await secureCurrentFile(libraryPath, options);
    await rename(incoming, libraryPath);
    syncFolderOf(libraryPath);
    if (options.backupsKept !== undefined) await pruneBackups(libraryPath, options.backupsKept);
    return { restoredFrom: backupPath, ...safety };
  } finally {
    await rm(incoming, { force: true });
  }
}
