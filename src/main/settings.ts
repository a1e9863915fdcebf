import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  DEFAULT_SETTINGS,
  settingsPatchSchema,
  settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../shared/settings';
import { windowStateSchema, type WindowState } from './window-state';

/** The file in Electron's userData folder that holds the settings, the recent libraries and the window. */
export const SETTINGS_FILE_NAME = 'settings.json';
/** How many libraries the recent list remembers. */
export const RECENT_LIBRARIES_KEPT = 10;

export type RememberedLibrary = { path: string; openedAt: string };
export type RememberedLibraries = {
  /** The library chosen last in the app, opened again at the next start; null until one is chosen. */
  current: string | null;
  /** Newest first, at most RECENT_LIBRARIES_KEPT, each path once. */
  recent: RememberedLibrary[];
};

/** What the app remembers between runs. Plain Node: tests open it on a temp folder. */
export type SettingsFile = {
  readonly path: string;
  /** Why the file could not be read, when it could not (it was set aside and defaults used). */
  readonly problem: string | null;
  settings(): Settings;
  /** Validates and saves `patch`; answers the settings as they now are. */
  updateSettings(patch: SettingsPatch): Settings;
  libraries(): RememberedLibraries;
  /** Puts `path` at the top of the recent list; `current` also makes it the one opened at the next start. */
  rememberLibrary(path: string, options: { current: boolean }): void;
  /** Empties the recent list but for the library open now. */
  clearRecentLibraries(keep: string | null): void;
  windowState(): WindowState | null;
  saveWindowState(state: WindowState): void;
};

type Stored = { settings: Settings; libraries: RememberedLibraries; window: WindowState | null };

const rememberedLibrarySchema = z.object({ path: z.string().min(1), openedAt: z.string() });

/** Each part read on its own, so one bad value costs that value, never the whole file. */
function readStored(raw: unknown): Stored {
  const record = z.record(z.string(), z.unknown()).catch({}).parse(raw);
  const settings = z.record(z.string(), z.unknown()).catch({}).parse(record.settings);
  const libraries = z.record(z.string(), z.unknown()).catch({}).parse(record.libraries);
  return {
    settings: settingsSchema.parse({
      theme: settingsSchema.shape.theme.catch(DEFAULT_SETTINGS.theme).parse(settings.theme),
      backupsKept: settingsSchema.shape.backupsKept
        .catch(DEFAULT_SETTINGS.backupsKept)
        .parse(settings.backupsKept),
      paperSize: settingsSchema.shape.paperSize.catch(DEFAULT_SETTINGS.paperSize).parse(settings.paperSize),
      duplicateRule: settingsSchema.shape.duplicateRule
        .catch(DEFAULT_SETTINGS.duplicateRule)
        .parse(settings.duplicateRule),
    }),
    libraries: {
      current: z
        .string()
        .min(1)
        .nullable()
        .catch(null)
        .parse(libraries.current ?? null),
      recent: z
        .array(z.unknown())
        .catch([])
        .parse(libraries.recent)
        .flatMap((entry) => {
          const parsed = rememberedLibrarySchema.safeParse(entry);
          return parsed.success ? [parsed.data] : [];
        })
        .slice(0, RECENT_LIBRARIES_KEPT),
    },
    window: windowStateSchema
      .nullable()
      .catch(null)
      .parse(record.window ?? null),
  };
}

function emptyStored(): Stored {
  return { settings: { ...DEFAULT_SETTINGS }, libraries: { current: null, recent: [] }, window: null };
}

/** Reads the file; an unreadable one is renamed aside (never deleted: it may hold a path worth finding). */
function load(path: string, now: () => Date): { stored: Stored; problem: string | null } {
  if (!existsSync(path)) return { stored: emptyStored(), problem: null };
  try {
    return { stored: readStored(JSON.parse(readFileSync(path, 'utf8'))), problem: null };
  } catch (error) {
    const aside = `${path}.unreadable-${now().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(path, aside);
    const reason = error instanceof Error ? error.message : String(error);
    return {
      stored: emptyStored(),
      problem: `Filmfolio's settings file could not be read (${reason}); it was kept as ${aside} and the defaults are used.`,
    };
  }
}

/** Written to a temp file and renamed over the old one, so a crash never leaves half a file. */
function save(path: string, stored: Stored): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(stored, null, 2)}\n`, 'utf8');
  renameSync(temp, path);
}

/** Opens (or starts) the settings file in `folder`. */
export function openSettingsFile(folder: string, now: () => Date = () => new Date()): SettingsFile {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, SETTINGS_FILE_NAME);
  const { stored, problem } = load(path, now);
  const commit = () => save(path, stored);
  return {
    path,
    problem,
    settings: () => ({ ...stored.settings }),
    updateSettings(patch) {
      stored.settings = settingsSchema.parse({ ...stored.settings, ...settingsPatchSchema.parse(patch) });
      commit();
      return { ...stored.settings };
    },
    libraries: () => ({
      current: stored.libraries.current,
      recent: stored.libraries.recent.map((e) => ({ ...e })),
    }),
    rememberLibrary(libraryPath, options) {
      const others = stored.libraries.recent.filter((entry) => entry.path !== libraryPath);
      stored.libraries.recent = [{ path: libraryPath, openedAt: now().toISOString() }, ...others].slice(
        0,
        RECENT_LIBRARIES_KEPT,
      );
      if (options.current) stored.libraries.current = libraryPath;
      commit();
    },
    clearRecentLibraries(keep) {
      stored.libraries.recent = stored.libraries.recent.filter((entry) => entry.path === keep);
      commit();
    },
    windowState: () => (stored.window ? structuredClone(stored.window) : null),
    saveWindowState(state) {
      stored.window = windowStateSchema.parse(state);
      commit();
    },
  };
}
