import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { RecentLibrary } from '../shared/settings';
import type { Library } from './library';
import type { SettingsFile } from './settings';

/**
 * Several library files: the one open now, opening another, creating a new one, the recent list.
 * Plain Node (the dialogs that pick the files live in index.ts), so tests run it on temp folders.
 */

export const LIBRARY_EXTENSION = '.filmfolio.sqlite';
const SQLITE_HEADER = 'SQLite format 3\0';

export type OpenLibrary = (path: string, options?: { migrate?: boolean }) => Promise<Library>;
type Env = Record<string, string | undefined>;

/** A library file that cannot be opened, with what to do about it. */
export class LibraryFileError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'LibraryFileError';
  }
}

/** The name a person knows a library by: its file name without the extension. */
export function libraryNameOf(path: string): string {
  return basename(path).replace(/\.filmfolio\.sqlite$|\.sqlite$/, '');
}

/** `Westerns` becomes `Westerns.filmfolio.sqlite`; a name already ending in `.sqlite` is kept. */
export function withLibraryExtension(path: string): string {
  return /\.sqlite$/i.test(path) ? path : `${path}${LIBRARY_EXTENSION}`;
}

export type StartupLibrary = {
  path: string;
  /** True when the library is the person's own choice in the app (remembered), not a one-off override. */
  chosenInApp: boolean;
  /** The remembered library that was not found, when the default was opened instead. */
  missing: string | null;
};

/**
 * Which library the app opens at start: `--library FILE`, else FILMFOLIO_LIBRARY, else the one
 * chosen last in the app, else the default. A remembered file that has gone (a drive not plugged
 * in) is never created anew: the default opens and the person is told.
 */
export function startupLibraryPath(input: {
  explicit: string | null | undefined;
  env: Env;
  remembered: string | null;
  defaultPath: string;
  exists: (path: string) => boolean;
}): StartupLibrary {
  if (input.explicit) return { path: resolve(input.explicit), chosenInApp: false, missing: null };
  if (input.env.FILMFOLIO_LIBRARY)
    return { path: resolve(input.env.FILMFOLIO_LIBRARY), chosenInApp: false, missing: null };
  if (input.remembered && input.exists(input.remembered)) {
    return { path: input.remembered, chosenInApp: true, missing: null };
  }
  return { path: input.defaultPath, chosenInApp: true, missing: input.remembered };
}

function readHeader(path: string): string {
  const handle = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(handle, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(handle);
  }
}

/** Refuses anything but an existing Filmfolio library: never migrates someone else's database. */
async function checkIsLibrary(path: string, openLibrary: OpenLibrary): Promise<void> {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats)
    throw new LibraryFileError(path, `There is no library at ${path}: it may have been moved or deleted.`);
  if (!stats.isFile()) throw new LibraryFileError(path, `${path} is a folder, not a library file.`);
  if (readHeader(path) !== SQLITE_HEADER) {
    const hint = /\.json$/i.test(path)
      ? ' To bring in the films of a JSON library file, use File › Import….'
      : '';
    throw new LibraryFileError(
      path,
      `${basename(path)} is not a Filmfolio library (not an SQLite file).${hint}`,
    );
  }
  const probe = await openLibrary(path, { migrate: false });
  try {
    const tables = new Set(
      (
        probe.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
          name: string;
        }[]
      ).map((row) => row.name),
    );
    if (!tables.has('films') || !tables.has('kysely_migration')) {
      throw new LibraryFileError(
        path,
        `${basename(path)} is an SQLite database, but not a Filmfolio library: it was left untouched.`,
      );
    }
  } finally {
    await probe.close();
  }
}

export type LibrarySwitcher = {
  /** The library open now. */
  current(): Library;
  /** Opens an existing library file in place of the current one; the current one stays open if that fails. */
  open(path: string): Promise<Library>;
  /** Creates a new, empty library (adding the extension when missing) and opens it. Never overwrites a file. */
  create(path: string): Promise<Library>;
  /** The remembered libraries, newest first. */
  recent(): RecentLibrary[];
  /** Forgets the recent list, but for the library open now. */
  clearRecent(): void;
  /**
   * Closes the library open now, runs `work` on its file (a restore), and opens it again, also when
   * `work` fails; when it succeeded, onSwitched is told, so the window reloads.
   */
  replaceCurrent<T>(work: (path: string) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export type SwitcherOptions = {
  settings: SettingsFile;
  openLibrary: OpenLibrary;
  startup: StartupLibrary;
  /** Told after each switch (index.ts retitles and reloads the window). */
  onSwitched?: (library: Library) => void;
  exists?: (path: string) => boolean;
};

/** Opens the startup library and answers the switcher that holds it. */
export async function startLibrarySwitcher(options: SwitcherOptions): Promise<LibrarySwitcher> {
  const { settings, openLibrary, onSwitched } = options;
  const exists = options.exists ?? existsSync;
  let library = await openLibrary(options.startup.path);
  settings.rememberLibrary(library.path, { current: options.startup.chosenInApp });
  // One switch at a time: a second waits for the first, so two libraries never race to be current.
  let queue: Promise<unknown> = Promise.resolve();

  const switchTo = async (path: string, prepare: () => Promise<void>): Promise<Library> => {
    await prepare();
    if (path === library.path) {
      settings.rememberLibrary(path, { current: true });
      return library;
    }
    const next = await openLibrary(path);
    const previous = library;
    library = next;
    settings.rememberLibrary(path, { current: true });
    onSwitched?.(next);
    await previous.close();
    return next;
  };
  const queued = (path: string, prepare: () => Promise<void>): Promise<Library> => {
    const run = queue.then(() => switchTo(path, prepare));
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    current: () => library,
    open(path) {
      const target = resolve(path);
      return queued(target, () => checkIsLibrary(target, openLibrary));
    },
    create(path) {
      const target = withLibraryExtension(resolve(path));
      return queued(target, async () => {
        if (exists(target)) {
          throw new LibraryFileError(
            target,
            `A file named ${basename(target)} already exists there: choose another name, or open it with File › Open Library….`,
          );
        }
      });
    },
    recent: () =>
      settings.libraries().recent.map((entry) => ({
        path: entry.path,
        name: libraryNameOf(entry.path),
        openedAt: entry.openedAt,
        found: exists(entry.path),
        current: entry.path === library.path,
      })),
    clearRecent: () => settings.clearRecentLibraries(library.path),
    replaceCurrent(work) {
      const run = queue.then(async () => {
        const path = library.path;
        await library.close();
        let result: Awaited<ReturnType<typeof work>>;
        try {
          result = await work(path);
        } catch (error) {
          library = await openLibrary(path);
          throw error;
        }
        library = await openLibrary(path);
        onSwitched?.(library);
        return result;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    close: () => library.close(),
  };
}
