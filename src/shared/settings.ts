import { z } from 'zod';
import { duplicateRules, type DuplicateRule } from './transfer';

/**
 * The collector's settings, as the settings view shows them and `settings:get`/`settings:set`
 * carry them. The main process keeps them in a JSON file in Electron's userData folder.
 */

export const THEMES = ['system', 'light', 'dark'] as const;
/** Paper for printed sheets: A4 (most of the world) or US Letter. */
export const PAPER_SIZES = ['A4', 'Letter'] as const;
/** What an import does with a film the library already has (the CLI's `--on-duplicate`). */
export const DUPLICATE_RULES = duplicateRules;

export type Theme = (typeof THEMES)[number];
export type PaperSize = (typeof PAPER_SIZES)[number];
export type { DuplicateRule };

/** At least one backup, so a bad import can always be undone; a hundred is plenty for years. */
export const BACKUPS_KEPT_RANGE = { min: 1, max: 100 } as const;

const settingsShape = {
  theme: z.enum(THEMES, { error: `must be one of ${THEMES.join(', ')}` }),
  backupsKept: z
    .int({ error: 'must be a whole number of backups' })
    .min(BACKUPS_KEPT_RANGE.min, { error: `keep at least ${BACKUPS_KEPT_RANGE.min} backup` })
    .max(BACKUPS_KEPT_RANGE.max, { error: `keep at most ${BACKUPS_KEPT_RANGE.max} backups` }),
  paperSize: z.enum(PAPER_SIZES, { error: `must be one of ${PAPER_SIZES.join(', ')}` }),
  duplicateRule: z.enum(DUPLICATE_RULES, { error: `must be one of ${DUPLICATE_RULES.join(', ')}` }),
};

/** Every setting, each present. */
export const settingsSchema = z.strictObject(settingsShape);
/** Some settings to change; unknown names are refused, not ignored. */
export const settingsPatchSchema = z.strictObject(settingsShape).partial();

export type Settings = z.output<typeof settingsSchema>;
export type SettingsPatch = z.output<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  backupsKept: 10,
  paperSize: 'A4',
  duplicateRule: 'skip',
};

/** One library file the person has opened before, newest first in the recent list. */
export type RecentLibrary = {
  path: string;
  /** The file name without its extension, as the window title shows it. */
  name: string;
  /** When it was last opened (ISO 8601). */
  openedAt: string;
  /** False when the file is no longer where it was (moved, deleted, or on a drive not plugged in). */
  found: boolean;
  /** True for the library open now. */
  current: boolean;
};
