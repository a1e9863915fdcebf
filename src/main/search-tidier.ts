import type { Handlers } from './handlers';
import type { Library } from './library';
import { isBackupRunning } from './library/backup';
import { warmCacheStep } from './library/cache-warm';
import { tidySearchStep } from './library/search-tidy';
import { isImportRunning } from './library/transfer';

/**
 * Settles the open library for searching while the collector does nothing: once no call has come
 * from the window for `idleMs`, one step, then the next after `gapMs`, until nothing is left to
 * do. First what browse reads is read into SQLite's page cache (cache-warm.ts: steps of about half
 * a megabyte, once per library opened), then the search indexes are tidied (search-tidy.ts: merge
 * steps of 8-16 ms). Any call puts the rest off until the window is quiet again, so a step is the
 * longest a keypress can wait behind it. Nothing is done while an import or a backup runs, on a
 * library closed or made read-only (found damaged), or inside a transaction.
 */
export type SearchTidier = {
  /** A call from the window: tidying waits until `idleMs` after the last one. */
  activity(): void;
  /** Stops for good (the app quits). */
  stop(): void;
  /** Resolves once no step is waiting to run: the indexes are tidy, or tidying stopped (tests). */
  settled(): Promise<void>;
};

export type TidierOptions = {
  library: () => Library;
  /** Quiet time before tidying; default 10 s. */
  idleMs?: number;
  /** Between two steps; default 50 ms. */
  gapMs?: number;
  /** Where a step that failed is told (console.warn in the app); tidying then waits for the next activity. */
  warn?: (message: string) => void;
};

const DEFAULT_IDLE_MS = 10_000;
const DEFAULT_GAP_MS = 50;

export function createSearchTidier(options: TidierOptions): SearchTidier {
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const gapMs = options.gapMs ?? DEFAULT_GAP_MS;
  const warn = options.warn ?? ((message: string) => console.warn(message));
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let waiters: (() => void)[] = [];

  const settle = () => {
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };

  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(step, ms);
    timer.unref();
  };

  function step(): void {
    timer = undefined;
    if (stopped) return settle();
    const library = options.library();
    const { sqlite } = library;
    if (!sqlite.open || sqlite.readonly || sqlite.pragma('query_only', { simple: true }) === 1)
      return settle();
    // Busy: an import's or a backup's own work comes first; look again once the window is quiet.
    if (sqlite.inTransaction || isImportRunning(sqlite) || isBackupRunning(sqlite)) return schedule(idleMs);
    try {
      if (warmCacheStep(sqlite) || tidySearchStep(sqlite)) return schedule(gapMs);
    } catch (error) {
      warn(
        `Settling the search of ${library.path} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    settle();
  }

  return {
    activity() {
      if (!stopped) schedule(idleMs);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      settle();
    },
    settled() {
      if (timer === undefined) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}

/** The handlers, each call counting as activity: the window is in use, tidying waits. */
export function noticingActivity(handlers: Handlers, tidier: SearchTidier): Handlers {
  const noticed: Record<string, unknown> = {};
  for (const [channel, handler] of Object.entries(handlers) as [string, (...args: unknown[]) => unknown][]) {
    noticed[channel] = (...args: unknown[]) => {
      tidier.activity();
      return handler(...args);
    };
  }
  return noticed as Handlers;
}
