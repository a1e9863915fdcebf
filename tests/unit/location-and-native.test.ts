import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveLibraryPath, userDataDirectory } from '../../src/main/library/location';
import { electronBindingPath, nativeBindingFor } from '../../src/main/native-binding';

describe('where the library lives', () => {
  it('follows Electron’s userData folder for "Filmfolio" on each platform', () => {
    expect(userDataDirectory('linux', {}, '/home/ann')).toBe('/home/ann/.config/Filmfolio');
    expect(userDataDirectory('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ann')).toBe('/cfg/Filmfolio');
    expect(userDataDirectory('darwin', {}, '/Users/ann')).toBe(
      '/Users/ann/Library/Application Support/Filmfolio',
    );
    expect(
      userDataDirectory('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann'),
    ).toBe(join('C:\\Users\\ann\\AppData\\Roaming', 'Filmfolio'));
  });

  it('prefers an explicit path, then FILMFOLIO_LIBRARY, then the default', () => {
    expect(resolveLibraryPath('/x/lib.sqlite', { FILMFOLIO_LIBRARY: '/env.sqlite' }, '/ud')).toBe(
      '/x/lib.sqlite',
    );
    expect(resolveLibraryPath(undefined, { FILMFOLIO_LIBRARY: '/env.sqlite' }, '/ud')).toBe('/env.sqlite');
    expect(resolveLibraryPath(undefined, {}, '/ud')).toBe(join('/ud', 'library.filmfolio.sqlite'));
  });
});

describe('which better-sqlite3 binary is loaded', () => {
  const appRoot = '/app';
  it('uses better-sqlite3’s own build under Node and in a packaged app', () => {
    expect(
      nativeBindingFor({ electronVersion: undefined, packaged: false, appRoot }, () => false),
    ).toBeUndefined();
    expect(
      nativeBindingFor({ electronVersion: '45.5.0', packaged: true, appRoot }, () => false),
    ).toBeUndefined();
  });

  it('uses the Electron build kept beside it when running unpackaged under Electron', () => {
    const path = electronBindingPath(appRoot, '45.5.0');
    expect(path).toBe(join('/app', 'native', 'electron-45.5.0', 'better_sqlite3.node'));
    expect(nativeBindingFor({ electronVersion: '45.5.0', packaged: false, appRoot }, (p) => p === path)).toBe(
      path,
    );
  });

  it('says how to build it when the Electron build is missing', () => {
    expect(() =>
      nativeBindingFor({ electronVersion: '45.5.0', packaged: false, appRoot }, () => false),
    ).toThrow(/not been built for Electron 45\.5\.0[\s\S]*npm start/);
  });
});
