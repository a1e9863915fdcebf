import type { Channel, LibraryInfo, ParsedArgsOf, ResultOf } from '../shared/contract';
import type { Settings } from '../shared/settings';
import type { Library } from './library';
import { libraryNameOf, type LibrarySwitcher } from './library-switcher';
import type { SettingsFile } from './settings';

/** The channels of the desktop app around the library: settings, library files, printing. */
export type DesktopChannel =
  | 'settings:get'
  | 'settings:set'
  | 'library:recent'
  | 'library:open'
  | 'library:create'
  | 'library:switch'
  | 'window:print'
  | 'window:save-pdf';

type HandlerOf<C extends Channel> = (...args: ParsedArgsOf<C>) => ResultOf<C> | Promise<ResultOf<C>>;
export type DesktopHandlers = { [C in DesktopChannel]: HandlerOf<C> };

/**
 * What only the desktop app has: its settings file, its library switcher, and the system dialogs
 * and printing that index.ts provides through Electron. Tests give stand-ins for the dialogs.
 */
export type DesktopContext = {
  settings: SettingsFile;
  libraries: LibrarySwitcher;
  /** The system open dialog for a library file; null when the person cancels. */
  chooseLibraryFile(): Promise<string | null>;
  /** The system save dialog for a new library file; null when the person cancels. */
  chooseNewLibraryFile(): Promise<string | null>;
  /** Prints the window's current view through the system print dialog; false when cancelled. */
  print(): Promise<boolean>;
  /** Saves the window's current view as a PDF where the person chooses; the path, or null when cancelled. */
  savePdf(): Promise<string | null>;
  /** Told after settings change (the main process follows the theme at once). */
  settingsChanged?(settings: Settings): void;
};

function infoOf(library: Library): LibraryInfo {
  return { path: library.path, name: libraryNameOf(library.path), filmCount: library.count() };
}

function unavailable(channel: DesktopChannel): never {
  throw new Error(`${channel} is only available in the desktop app, which was not started here.`);
}

/** The desktop channels' handlers over `context`; without one (plain Node), each says it is unavailable. */
export function desktopHandlers(context: DesktopContext | undefined): DesktopHandlers {
  if (!context) {
    const none = (channel: DesktopChannel) => () => unavailable(channel);
    return {
      'settings:get': none('settings:get'),
      'settings:set': none('settings:set'),
      'library:recent': none('library:recent'),
      'library:open': none('library:open'),
      'library:create': none('library:create'),
      'library:switch': none('library:switch'),
      'window:print': none('window:print'),
      'window:save-pdf': none('window:save-pdf'),
    };
  }
  const { settings, libraries } = context;
  return {
    'settings:get': () => settings.settings(),
    'settings:set': (patch) => {
      const updated = settings.updateSettings(patch);
      context.settingsChanged?.(updated);
      return updated;
    },
    'library:recent': () => libraries.recent(),
    'library:open': async () => {
      const path = await context.chooseLibraryFile();
      return path === null ? null : infoOf(await libraries.open(path));
    },
    'library:create': async () => {
      const path = await context.chooseNewLibraryFile();
      return path === null ? null : infoOf(await libraries.create(path));
    },
    'library:switch': async (path) => {
      // The window may only reopen what the person chose before in a dialog: never an arbitrary path.
      if (!libraries.recent().some((entry) => entry.path === path)) {
        throw new Error(
          `${path} is not on the recent libraries list: open it with File › Open Library… instead.`,
        );
      }
      return infoOf(await libraries.open(path));
    },
    'window:print': () => context.print(),
    'window:save-pdf': () => context.savePdf(),
  };
}
