import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Filmfolio';
export const LIBRARY_FILE_NAME = 'library.filmfolio.sqlite';

type Platform = NodeJS.Platform;
type Env = Record<string, string | undefined>;

/**
 * Electron's `userData` folder for the product, computed the way Electron does it, so the CLI
 * and tests find the very library the app uses without loading Electron.
 */
export function userDataDirectory(
  platform: Platform = process.platform,
  env: Env = process.env,
  home = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}

/** Where the library lives: an explicit path, else FILMFOLIO_LIBRARY, else the default in userData. */
export function resolveLibraryPath(
  explicit?: string | null,
  env: Env = process.env,
  userData: string = userDataDirectory(process.platform, env),
): string {
  if (explicit) return explicit;
  if (env.FILMFOLIO_LIBRARY) return env.FILMFOLIO_LIBRARY;
  return join(userData, LIBRARY_FILE_NAME);
}
