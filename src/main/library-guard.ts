import { resolve } from 'node:path';
import type { DamageNotice } from '../shared/library-health';
import type { Library } from './library';
import { backupIfDue, isBackupRunning } from './library/backup';
import { damagedLibraryError, DamagedLibraryError, keepDamagedAside } from './library/health';
import { bindingOf, inspectFileInBackground } from './library/sqlite-files';
import { isImportRunning } from './library/transfer';
import type { LibrarySwitcher, OpenLibrary } from './library-switcher';

/**
 * How the app opens library files. Opening only runs the cheap checks (header, schema, the edges of
 * every table: milliseconds, whatever the size); a file they find damaged is kept aside (renamed,
 * untouched) and an empty library opened in its place, so the app still starts. The whole file is
 * read by SQLite's quick_check in the background once the library has settled (its first page
 * shown, or a few seconds after opening), in a worker with its own read-only connection; when that
 * finds damage, the same happens as on opening: nothing more is written to the file, it is kept
 * aside and an empty library opened in its place, which reloads the window. Either way the damage
 * is remembered for `library:health`, which the window turns into plain words and an offer to
 * restore the newest good backup. After the check, the daily backup is taken when one is due.
 */
export type LibraryGuard = {
  /** Opens like the plain opener, with the above. */
  open: OpenLibrary;
  /** The damage found this run in the library at `path`, if any. */
  damage(path: string): DamageNotice | null;
  /** Forgets it (the library was restored). */
  forget(path: string): void;
  /** Takes the daily backup when it is due; never throws. */
  backupIfDue(library: Library): Promise<string | null>;
  /**
   * The hourly tick (index.ts), for a window left open for days: the whole-file check again once a
   * day has passed since the last one, then the daily backup when due. Never throws.
   */
  hourly(library: Library): Promise<void>;
  /** The first page was shown: the background work of the libraries opened waits no longer. */
  settled(): void;
  /** Where a library found damaged in the background is replaced (the app's switcher). */
  useSwitcher(switcher: LibrarySwitcher): void;
  /** Starts the background work still waiting, and resolves once all of it has finished. */
  idle(): Promise<void>;
};

export type GuardOptions = {
  open: OpenLibrary;
  /** The collector's "backups kept" setting. */
  backupsKept: () => number;
  now?: () => Date;
  /** Where problems that must not stop the app are told (console.warn in the app). */
  warn?: (message: string) => void;
  /** How long after opening the background work starts when no first page was shown; default 5 s. */
  settleMs?: number;
};

const DEFAULT_SETTLE_MS = 5_000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** How often a library found damaged is looked at again while an import or a backup still runs on it. */
const BUSY_RETRY_MS = 500;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

export function createLibraryGuard(options: GuardOptions): LibraryGuard {
  const damages = new Map<string, DamageNotice>();
  /** Background work running (checks, backups, keeping a damaged file aside). */
  const pending = new Set<Promise<unknown>>();
  /** Background work waiting for the library to settle: each starts it now. */
  const waiting = new Set<() => void>();
  /**
   * What reads each open library through a connection of its own (the check's worker, the daily
   * backup's snapshot): closing the library waits for it, as its connection would keep the WAL behind.
   */
  const readers = new WeakMap<Library, Set<Promise<unknown>>>();
  /** Libraries being closed: no new background work starts on them. */
  const closing = new WeakSet<Library>();
  const usable = (library: Library) => library.sqlite.open && !closing.has(library);
  let switcher: LibrarySwitcher | null = null;
  const now = options.now ?? (() => new Date());
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;

  const track = <T>(work: Promise<T>): Promise<T> => {
    pending.add(work);
    void work.then(
      () => pending.delete(work),
      () => pending.delete(work),
    );
    return work;
  };

  const reading = async <T>(library: Library, work: Promise<T>): Promise<T> => {
    const set = readers.get(library) ?? new Set<Promise<unknown>>();
    readers.set(library, set.add(work));
    try {
      return await work;
    } finally {
      set.delete(work);
    }
  };

  const backupIfDueNow = async (library: Library): Promise<string | null> => {
    // An import holds its write transaction for minutes: its own backup was taken before it began,
    // and the hourly tick (index.ts) tries again once it has finished.
    if (!usable(library) || isImportRunning(library.sqlite) || isBackupRunning(library.sqlite)) {
      return null;
    }
    try {
      const keep = options.backupsKept();
      return await reading(library, backupIfDue(library.sqlite, library.path, { keep, now: now() }));
    } catch (error) {
      warn(`The daily backup of ${library.path} failed: ${messageOf(error)}`);
      return null;
    }
  };

  /**
   * Damage found while the library is open: once no import or backup is writing to it, the switcher
   * closes it, it is kept aside, and an empty library opens in its place (the window reloads).
   */
  const keepAsideWhileOpen = async (library: Library, problems: string[]): Promise<void> => {
    const { notice } = await damagedLibraryError(library.path, problems, bindingOf(library.sqlite));
    const key = resolve(library.path);
    while (isImportRunning(library.sqlite) || isBackupRunning(library.sqlite)) await pause(BUSY_RETRY_MS);
    if (!library.sqlite.open || switcher?.current() !== library) {
      // Closed or switched away meanwhile: say so when it is opened again; the file is left as it is.
      damages.set(key, notice);
      warn(`The check of ${library.path} found damage: ${problems.join('; ')}`);
      return;
    }
    // Nothing more may be written to it: a write on a damaged b-tree can spread the damage.
    library.sqlite.pragma('query_only = ON');
    await switcher.replaceCurrent(async (path) => {
      // A switch queued before this one ran first: that library is not the damaged one.
      if (resolve(path) !== key) return void damages.set(key, notice);
      const keptAsidePath = await keepDamagedAside(path, now());
      damages.set(key, { ...notice, keptAsidePath, foundInBackground: true });
      warn(`The check of ${path} found damage; it was kept aside at ${keptAsidePath}.`);
    });
  };

  /** When each open library's whole-file check last finished (ms since the epoch). */
  const checkedAt = new WeakMap<Library, number>();

  const checkInBackground = async (library: Library): Promise<boolean> => {
    checkedAt.set(library, now().getTime());
    const checking = inspectFileInBackground(library.path, 'quick_check', bindingOf(library.sqlite));
    let problems: string[];
    try {
      problems = (await reading(library, checking)).problems;
    } catch (error) {
      // Not damage (the file gone, permissions): nothing to act on.
      warn(`The library ${library.path} could not be checked: ${messageOf(error)}`);
      return true;
    }
    if (problems.length === 0) return true;
    await keepAsideWhileOpen(library, problems);
    return false;
  };

  const backgroundWork = async (library: Library): Promise<void> => {
    if (!usable(library)) return;
    const sound = await checkInBackground(library);
    if (sound) await backupIfDueNow(library);
  };

  /** Work for the hourly tick; none while the library's first work still waits or runs. */
  const hourly = async (library: Library): Promise<void> => {
    const last = checkedAt.get(library);
    if (last === undefined || !usable(library) || (readers.get(library)?.size ?? 0) > 0) return;
    const work: Promise<unknown> =
      now().getTime() - last >= DAY_MS ? backgroundWork(library) : backupIfDueNow(library);
    await track(work).catch((error: unknown) =>
      warn(`The background work on ${library.path} failed: ${messageOf(error)}`),
    );
  };

  /** Runs the background work once the library has settled: the first page shown, or settleMs. */
  const whenSettled = (library: Library): void => {
    const start = () => {
      if (!waiting.delete(start)) return;
      clearTimeout(timer);
      void track(backgroundWork(library)).catch((error: unknown) =>
        warn(`The background work on ${library.path} failed: ${messageOf(error)}`),
      );
    };
    const timer = setTimeout(start, settleMs);
    timer.unref();
    waiting.add(start);
  };

  /** Closing waits for what still reads the file through a connection of its own. */
  const closingAfterReaders = (library: Library): Library => {
    const close = library.close;
    return Object.assign(library, {
      close: async () => {
        closing.add(library);
        while ((readers.get(library)?.size ?? 0) > 0) {
          await Promise.allSettled([...(readers.get(library) ?? [])]);
        }
        await close();
      },
    });
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
      if (openOptions.migrate !== false && library.path !== ':memory:') whenSettled(library);
      return closingAfterReaders(library);
    },
    damage: (path) => damages.get(resolve(path)) ?? null,
    forget: (path) => void damages.delete(resolve(path)),
    backupIfDue: backupIfDueNow,
    hourly,
    settled: () => {
      for (const start of [...waiting]) start();
    },
    useSwitcher: (chosen) => {
      switcher = chosen;
    },
    idle: async () => {
      // Work may start more work (keeping a file aside reopens one): until nothing is left.
      while (waiting.size > 0 || pending.size > 0) {
        for (const start of [...waiting]) start();
        await Promise.allSettled([...pending]);
      }
    },
  };
}
