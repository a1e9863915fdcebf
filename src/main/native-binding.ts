import { join } from 'node:path';

/**
 * better-sqlite3 is a native module: the build that Node loads (tests, the CLI) cannot be loaded by
 * Electron, whose ABI differs. So the two builds live side by side: node_modules keeps Node's build,
 * and `scripts/native.mjs electron` (run by `npm start`/`npm run dev`) puts Electron's build in
 * `native/electron-<version>/`. A packaged app has only Electron's build, made by electron-builder.
 */
export type NativeRuntime = {
  /** process.versions.electron, or undefined under plain Node. */
  electronVersion: string | undefined;
  /** app.isPackaged. */
  packaged: boolean;
  /** The project root (app.getAppPath() in development). */
  appRoot: string;
};

export const NATIVE_FOLDER = 'native';

export function electronBindingPath(appRoot: string, electronVersion: string): string {
  return join(appRoot, NATIVE_FOLDER, `electron-${electronVersion}`, 'better_sqlite3.node');
}

/** The nativeBinding option to pass to better-sqlite3, or undefined to use its own build. */
export function nativeBindingFor(
  runtime: NativeRuntime,
  exists: (path: string) => boolean,
): string | undefined {
  if (!runtime.electronVersion || runtime.packaged) return undefined;
  const path = electronBindingPath(runtime.appRoot, runtime.electronVersion);
  if (!exists(path)) {
    throw new Error(
      `better-sqlite3 has not been built for Electron ${runtime.electronVersion} (${path} is missing). ` +
        'Run `npm start` or `node scripts/native.mjs electron`, which builds it.',
    );
  }
  return path;
}
