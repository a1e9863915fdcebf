import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { openSettingsFile, RECENT_LIBRARIES_KEPT, SETTINGS_FILE_NAME } from '../../src/main/settings';
import type { WindowState } from '../../src/main/window-state';
import { tempFolder } from '../support/temp-library';

const windowState: WindowState = {
  bounds: { x: 40, y: 60, width: 1100, height: 700 },
  maximized: true,
  fullScreen: false,
  lastView: '#/settings',
};

describe('the settings file', () => {
  it('starts from the defaults and writes nothing until something changes', () => {
    const folder = tempFolder();
    const file = openSettingsFile(folder);
    expect(file.settings()).toEqual(DEFAULT_SETTINGS);
    expect(file.libraries()).toEqual({ current: null, recent: [] });
    expect(file.windowState()).toBeNull();
    expect(existsSync(join(folder, SETTINGS_FILE_NAME))).toBe(false);
  });

  it('keeps each change across restarts, as readable JSON, with no temp file left behind', () => {
    const folder = tempFolder();
    const file = openSettingsFile(folder);
    expect(file.updateSettings({ theme: 'dark', paperSize: 'Letter' })).toMatchObject({
      theme: 'dark',
      paperSize: 'Letter',
      backupsKept: DEFAULT_SETTINGS.backupsKept,
    });
    file.updateSettings({ duplicateRule: 'merge', backupsKept: 25 });
    file.saveWindowState(windowState);
    const again = openSettingsFile(folder);
    expect(again.settings()).toEqual({
      theme: 'dark',
      paperSize: 'Letter',
      duplicateRule: 'merge',
      backupsKept: 25,
    });
    expect(again.windowState()).toEqual(windowState);
    expect(JSON.parse(readFileSync(again.path, 'utf8'))).toMatchObject({ settings: { theme: 'dark' } });
    expect(readdirSync(folder)).toEqual([SETTINGS_FILE_NAME]);
  });

  it('refuses a bad change with a message naming the setting, and keeps the old value', () => {
    const file = openSettingsFile(tempFolder());
    expect(() => file.updateSettings({ backupsKept: 0 })).toThrow(/keep at least 1 backup/);
    expect(() => file.updateSettings({ backupsKept: 2.5 })).toThrow(/whole number/);
    expect(() => file.updateSettings({ theme: 'sepia' as never })).toThrow(/system, light, dark/);
    expect(() => file.updateSettings({ colour: 'red' } as never)).toThrow(/colour/);
    expect(file.settings()).toEqual(DEFAULT_SETTINGS);
  });

  it('sets an unreadable file aside (never deletes it) and says so', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, SETTINGS_FILE_NAME), '{"settings": {"theme": "dark"', 'utf8');
    const file = openSettingsFile(folder, () => new Date('2026-01-02T03:04:05Z'));
    expect(file.settings()).toEqual(DEFAULT_SETTINGS);
    expect(file.problem).toMatch(/could not be read .*kept as .*unreadable-2026-01-02T03-04-05-000Z/);
    const aside = readdirSync(folder).find((name) => name.includes('unreadable'));
    expect(readFileSync(join(folder, aside!), 'utf8')).toBe('{"settings": {"theme": "dark"');
  });

  it('drops only the values that are wrong, keeping the rest', () => {
    const folder = tempFolder();
    writeFileSync(
      join(folder, SETTINGS_FILE_NAME),
      JSON.stringify({
        settings: { theme: 'dark', backupsKept: -4, paperSize: 'A3', duplicateRule: 'keep-both' },
        libraries: {
          current: '/films/a.filmfolio.sqlite',
          recent: [{ path: '/films/a.filmfolio.sqlite', openedAt: 'x' }, 42],
        },
        window: {
          bounds: { x: 0, y: 0, width: 10, height: 10 },
          maximized: false,
          fullScreen: false,
          lastView: null,
        },
      }),
    );
    const file = openSettingsFile(folder);
    expect(file.problem).toBeNull();
    expect(file.settings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', duplicateRule: 'keep-both' });
    expect(file.libraries().recent.map((entry) => entry.path)).toEqual(['/films/a.filmfolio.sqlite']);
    expect(file.windowState()).toBeNull();
  });

  it('keeps recent libraries newest first, each once, and only the last ten', () => {
    let clock = Date.parse('2026-03-01T00:00:00Z');
    const file = openSettingsFile(tempFolder(), () => new Date((clock += 1000)));
    for (let index = 0; index < 12; index += 1)
      file.rememberLibrary(`/films/${index}.filmfolio.sqlite`, { current: false });
    file.rememberLibrary('/films/5.filmfolio.sqlite', { current: true });
    const { current, recent } = file.libraries();
    expect(current).toBe('/films/5.filmfolio.sqlite');
    expect(recent).toHaveLength(RECENT_LIBRARIES_KEPT);
    expect(recent.map((entry) => entry.path).slice(0, 3)).toEqual([
      '/films/5.filmfolio.sqlite',
      '/films/11.filmfolio.sqlite',
      '/films/10.filmfolio.sqlite',
    ]);
    expect(new Set(recent.map((entry) => entry.path)).size).toBe(RECENT_LIBRARIES_KEPT);
    file.clearRecentLibraries('/films/5.filmfolio.sqlite');
    expect(file.libraries().recent.map((entry) => entry.path)).toEqual(['/films/5.filmfolio.sqlite']);
  });
});
