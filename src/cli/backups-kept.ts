import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { userDataDirectory } from '../main/library/location';
import { SETTINGS_FILE_NAME } from '../main/settings';
import { DEFAULT_SETTINGS, settingsSchema } from '../shared/settings';

/**
 * The app's "backups kept" setting, read (never written) from its settings file, so the command
 * line keeps as many backups as the app does; the default (10) when there is no such file.
 */
export function backupsKeptSetting(env: Record<string, string | undefined>): number {
  const file = join(userDataDirectory(process.platform, env), SETTINGS_FILE_NAME);
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { settings?: { backupsKept?: unknown } };
    return settingsSchema.shape.backupsKept
      .catch(DEFAULT_SETTINGS.backupsKept)
      .parse(stored.settings?.backupsKept);
  } catch {
    return DEFAULT_SETTINGS.backupsKept;
  }
}
