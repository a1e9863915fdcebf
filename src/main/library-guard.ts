import { resolve } from 'node:path';
import type { DamageNotice } from '../shared/library-health';
import type { Library } from './library';
import { backupIfDue } from './library/backup';
import { DamagedLibraryError, keepDamagedAside } from './library/health';
import type { OpenLibrary } from './library-switcher';

/**
 * How the app opens library files. A file SQLite finds damaged is kept aside (renamed, untouched)
 * and an empty library opened in its place, so the app still starts; the damage is remembered for
 * `library:health`, which the window turns into plain words and an offer to restore the newest
 * good backup. A library that opens takes its daily backup when one is due.
 */
export type LibraryGuard = {
  /** Opens like the plain opener, with the above. */
  open: OpenLibrary;
  /** The damage found this run in the library at `path`, if any. */
  damage(path: string): DamageNotice | null;
  /** Forgets it (the library was restored). */
  forget(path: string): void;
  /** Takes the daily backup when it is due (index.ts also asks every hour); never throws. */
  backupIfDue(library: Library): Promise<string | null>;
  /** Resolves once the daily backups started by `open` have finished. */
  idle(): Promise<void>;
};

export type GuardOptions = {
  open: OpenLibrary;
  /** The collector's "backups kept" setting. */
  backupsKept: () => number;
  now?: () => Date;
  /** Where problems that must not stop the app are told (console.warn in the app). */
  warn?: (message: string) => void;
};

export function createLibraryGuard(options: GuardOptions): LibraryGuard {
  const damages = new Map<string, DamageNotice>();
  const pending = new Set<Promise<unknown>>();
  const now = options.now ?? (() => new Date());
  const warn = options.warn ?? ((message: string) => console.warn(message));

  const backupIfDueNow = async (library: Library): Promise<string | null> => {
    try {
      return await backupIfDue(library.sqlite, library.path, { keep: options.backupsKept(), now: now() });
    } catch (error) {
      warn(
        `The daily backup of ${library.path} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return null;
    }
  };

  return {
    async open(path, openOptions = {}) {
      let library: Library;
      try {
        library = await options.open(path, openOptions);
      } catch (error) {
        if (!(error instanceof DamagedLibraryError)) throw error;
        const keptAsidePath = await keepDamagedAside(path, now());
        damages.set(resolve(path), { ...error.notice, keptAsidePath });
        warn(`${error.message} It was kept aside at ${keptAsidePath}.`);
        // Migrated even for a probe: the empty library in its place is a Filmfolio library.
        library = await options.open(path, {});
      }
      if (openOptions.migrate !== false) {
        const backup = backupIfDueNow(library);
        pending.add(backup);
        void backup.finally(() => pending.delete(backup));
      }
      return library;
    },
    damage: (path) => damages.get(resolve(path)) ?? null,
    forget: (path) => void damages.delete(resolve(path)),
    backupIfDue: backupIfDueNow,
    idle: async () => {
      await Promise.all(pending);
    },
  };
}
