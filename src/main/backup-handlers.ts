import type { Channel, ParsedArgsOf, ResultOf } from '../shared/contract';
import type { DamageNotice } from '../shared/library-health';
import type { Library } from './library';
import {
  backupAndPrune,
  backupSummary,
  DEFAULT_BACKUPS_KEPT,
  isBackupRunning,
  listBackups,
} from './library/backup';
import { cloudSyncWarning } from './library/cloud-sync';
import { restoreLibrary } from './library/restore';
import { bindingOf } from './library/sqlite-files';
import { isImportRunning } from './library/transfer';
import { ImportRunningError } from './write-guard';
import type { LibraryGuard } from './library-guard';
import type { LibrarySwitcher } from './library-switcher';
import type { SettingsFile } from './settings';

/** The channels of backups and of the library file's health. */
export type BackupChannel = 'backups:list' | 'backups:create' | 'backups:restore' | 'library:health';

type HandlerOf<C extends Channel> = (...args: ParsedArgsOf<C>) => ResultOf<C> | Promise<ResultOf<C>>;
export type BackupHandlers = { [C in BackupChannel]: HandlerOf<C> };

/** What the desktop app adds: its setting, its library switcher, and the damage its guard found. */
export type BackupContext = {
  /** The collector's "backups kept" setting. */
  backupsKept(): number;
  /** Closes the open library, runs `work` on its file, opens it again (the window reloads). */
  replaceLibrary<T>(work: (path: string) => Promise<T>): Promise<T>;
  /** Damage found this run in the library at `path` (src/main/library-guard.ts). */
  damage(path: string): DamageNotice | null;
  forgetDamage(path: string): void;
};

/** A backup the window named that is not there (any more). */
class BackupNotFoundError extends Error {
  readonly code = 'NOT_FOUND';
}

/** A restore asked for while a backup of the library is still being taken. */
class BackupRunningError extends Error {
  readonly code = 'BUSY';
  constructor() {
    super('A backup of the library is being taken; restore again in a moment.');
    this.name = 'BackupRunningError';
  }
}

/** A restore closes the library: never under an import or a backup still running on it. */
function refuseWhileBusy(library: Library): void {
  if (isImportRunning(library.sqlite)) throw new ImportRunningError();
  if (isBackupRunning(library.sqlite)) throw new BackupRunningError();
}

/**
 * Backups of the open library, listed, taken and restored, and its health. Without the desktop
 * context (plain Node) restoring says it is unavailable; the rest works on the library alone.
 */
export function backupHandlers(library: () => Library, context: BackupContext | undefined): BackupHandlers {
  const keep = () => context?.backupsKept() ?? DEFAULT_BACKUPS_KEPT;
  return {
    'backups:list': async () => (await listBackups(library().path)).map(backupSummary),
    'backups:create': async () => {
      const { sqlite, path } = library();
      if (isImportRunning(library().sqlite)) throw new ImportRunningError();
      const created = await backupAndPrune(sqlite, path, 'manual', keep());
      const entry = (await listBackups(path)).find((backup) => backup.path === created);
      if (!entry)
        throw new Error(`The backup ${created} was taken but is gone already (backups kept: ${keep()}).`);
      return backupSummary(entry);
    },
    'backups:restore': async (name) => {
      if (!context)
        throw new Error(
          'Restoring a backup is only available in the desktop app; use `filmfolio restore FILE`.',
        );
      refuseWhileBusy(library());
      const backup = (await listBackups(library().path)).find((entry) => entry.name === name);
      if (!backup)
        throw new BackupNotFoundError(`There is no backup named ${name} any more; the list was out of date.`);
      const nativeBinding = bindingOf(library().sqlite);
      const outcome = await context.replaceLibrary((path) =>
        restoreLibrary(path, backup.path, { backupsKept: keep(), nativeBinding }),
      );
      context.forgetDamage(library().path);
      const filmCount = library().sqlite.prepare('SELECT count(*) FROM films').pluck().get() as number;
      return {
        restoredFrom: backupSummary(backup),
        safetyBackup: outcome.safetyBackup,
        keptAsidePath: outcome.keptAsidePath,
        filmCount,
      };
    },
    'library:health': () => ({
      path: library().path,
      damage: context?.damage(library().path) ?? null,
      cloudSync: cloudSyncWarning(library().path),
    }),
  };
}

/** The desktop app's backup context: its settings file, its library switcher and its guard. */
export function desktopBackupContext(
  settings: SettingsFile,
  libraries: LibrarySwitcher,
  guard: LibraryGuard,
): BackupContext {
  return {
    backupsKept: () => settings.settings().backupsKept,
    replaceLibrary: (work) => libraries.replaceCurrent(work),
    damage: (path) => guard.damage(path),
    forgetDamage: (path) => guard.forget(path),
  };
}
