import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/dispatch';
import { createHandlers } from '../../src/main/handlers';
import { openLibrary, type Library } from '../../src/main/library';
import {
  libraryNameOf,
  startLibrarySwitcher,
  startupLibraryPath,
  withLibraryExtension,
  type LibrarySwitcher,
} from '../../src/main/library-switcher';
import { openSettingsFile } from '../../src/main/settings';
import { sampleFilm, samplePath, tempFolder } from '../support/temp-library';

const running: LibrarySwitcher[] = [];
afterEach(async () => {
  for (const switcher of running.splice(0)) await switcher.close();
});

/** The app's library logic as main runs it at start: settings in `userData`, the startup rule, a switcher. */
async function startApp(userData: string, options: { explicit?: string; switched?: Library[] } = {}) {
  const settings = openSettingsFile(userData);
  const startup = startupLibraryPath({
    explicit: options.explicit,
    env: {},
    remembered: settings.libraries().current,
    defaultPath: join(userData, 'library.filmfolio.sqlite'),
    exists: existsSync,
  });
  const libraries = await startLibrarySwitcher({
    settings,
    openLibrary: (path, opts) => openLibrary(path, opts),
    startup,
    onSwitched: (library) => options.switched?.push(library),
  });
  running.push(libraries);
  return { settings, libraries, startup };
}

async function stop(app: { libraries: LibrarySwitcher }) {
  running.splice(running.indexOf(app.libraries), 1);
  await app.libraries.close();
}

describe('which library opens at start', () => {
  const base = {
    env: {},
    remembered: null,
    defaultPath: '/data/library.filmfolio.sqlite',
    exists: () => true,
  };

  it('takes --library, then FILMFOLIO_LIBRARY, then the remembered choice, then the default', () => {
    expect(
      startupLibraryPath({ ...base, explicit: '/a.sqlite', env: { FILMFOLIO_LIBRARY: '/b.sqlite' } }),
    ).toEqual({
      path: '/a.sqlite',
      chosenInApp: false,
      missing: null,
    });
    expect(
      startupLibraryPath({
        ...base,
        explicit: null,
        env: { FILMFOLIO_LIBRARY: '/b.sqlite' },
        remembered: '/c.sqlite',
      }).path,
    ).toBe('/b.sqlite');
    expect(startupLibraryPath({ ...base, explicit: null, remembered: '/c.sqlite' })).toEqual({
      path: '/c.sqlite',
      chosenInApp: true,
      missing: null,
    });
    expect(startupLibraryPath({ ...base, explicit: undefined }).path).toBe(base.defaultPath);
  });

  it('never recreates a remembered library that has gone: the default opens and the missing one is named', () => {
    expect(
      startupLibraryPath({ ...base, explicit: null, remembered: '/usb/films.sqlite', exists: () => false }),
    ).toEqual({
      path: base.defaultPath,
      chosenInApp: true,
      missing: '/usb/films.sqlite',
    });
  });

  it('names libraries by their file name and adds the extension to a bare name', () => {
    expect(libraryNameOf('/x/Westerns.filmfolio.sqlite')).toBe('Westerns');
    expect(libraryNameOf('/x/old.sqlite')).toBe('old');
    expect(withLibraryExtension('/x/Westerns')).toBe('/x/Westerns.filmfolio.sqlite');
    expect(withLibraryExtension('/x/Westerns.sqlite')).toBe('/x/Westerns.sqlite');
  });
});

describe('switching libraries', () => {
  it('creates a new library, opens another, and remembers the choice across restarts', async () => {
    const userData = tempFolder();
    const files = tempFolder();
    const switched: Library[] = [];
    const first = await startApp(userData, { switched });
    const home = first.libraries.current().path;
    first.libraries.current().create(sampleFilm());

    const westerns = await first.libraries.create(join(files, 'Westerns'));
    expect(westerns.path).toBe(join(files, 'Westerns.filmfolio.sqlite'));
    expect(first.libraries.current()).toBe(westerns);
    expect(westerns.count()).toBe(0);
    expect(switched.map((library) => library.path)).toEqual([westerns.path]);
    expect(first.libraries.recent().map((entry) => [entry.name, entry.current, entry.found])).toEqual([
      ['Westerns', true, true],
      ['library', false, true],
    ]);

    await stop(first);
    const second = await startApp(userData);
    expect(second.libraries.current().path).toBe(westerns.path);
    const back = await second.libraries.open(home);
    expect(back.count()).toBe(1);
    await stop(second);
    const third = await startApp(userData);
    expect(third.libraries.current().path).toBe(home);
  });

  it('does not remember a library given by --library as the one to open next time', async () => {
    const userData = tempFolder();
    const other = join(tempFolder(), 'Borrowed.filmfolio.sqlite');
    const once = await startApp(userData, { explicit: other });
    expect(once.libraries.current().path).toBe(other);
    expect(once.libraries.recent().map((entry) => entry.name)).toEqual(['Borrowed']);
    await stop(once);
    const next = await startApp(userData);
    expect(next.libraries.current().path).toBe(join(userData, 'library.filmfolio.sqlite'));
  });

  it('refuses what is not a Filmfolio library, leaving it untouched and the current library open', async () => {
    const app = await startApp(tempFolder());
    const current = app.libraries.current();
    const folder = tempFolder();
    const json = join(folder, 'films.filmfolio.json');
    writeFileSync(json, '{"format":"filmfolio-library"}');
    await expect(app.libraries.open(json)).rejects.toThrow(/not a Filmfolio library .*use File › Import/);
    const foreign = join(folder, 'accounts.sqlite');
    const database = new Database(foreign);
    database.exec('CREATE TABLE ledger (amount INTEGER)');
    database.close();
    await expect(app.libraries.open(foreign)).rejects.toThrow(/SQLite database, but not a Filmfolio library/);
    const check = new Database(foreign, { readonly: true });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual([
      'ledger',
    ]);
    check.close();
    await expect(app.libraries.open(join(folder, 'gone.filmfolio.sqlite'))).rejects.toThrow(
      /There is no library at/,
    );
    await expect(app.libraries.open(folder)).rejects.toThrow(/is a folder/);
    expect(app.libraries.current()).toBe(current);
    expect(current.count()).toBe(0);
  });

  it('never creates a library over an existing file', async () => {
    const app = await startApp(tempFolder());
    const path = join(tempFolder(), 'Keep.filmfolio.sqlite');
    writeFileSync(path, 'precious');
    await expect(app.libraries.create(path)).rejects.toThrow(/already exists there: choose another name/);
    expect(readFileSync(path, 'utf8')).toBe('precious');
  });

  it('marks a recent library that is no longer there as not found', async () => {
    const userData = tempFolder();
    const app = await startApp(userData);
    const elsewhere = join(tempFolder(), 'Moving.filmfolio.sqlite');
    await app.libraries.create(elsewhere);
    await app.libraries.open(join(userData, 'library.filmfolio.sqlite'));
    rmSync(elsewhere);
    expect(app.libraries.recent().find((entry) => entry.name === 'Moving')).toMatchObject({
      found: false,
      current: false,
    });
  });
});

describe('the desktop channels over the switcher', () => {
  async function handlersFor(answers: { open?: string | null; create?: string | null }) {
    const app = await startApp(tempFolder());
    const changes: string[] = [];
    const handlers = createHandlers({
      library: () => app.libraries.current(),
      samplePath,
      desktop: {
        settings: app.settings,
        libraries: app.libraries,
        chooseLibraryFile: () => Promise.resolve(answers.open ?? null),
        chooseNewLibraryFile: () => Promise.resolve(answers.create ?? null),
        print: () => Promise.resolve(true),
        savePdf: () => Promise.resolve(null),
        settingsChanged: (settings) => changes.push(settings.theme),
      },
    });
    return { app, handlers, changes };
  }

  it('creates and opens libraries through the dialogs, answering null when the person cancels', async () => {
    const created = join(tempFolder(), 'Noir');
    const { handlers, app } = await handlersFor({ create: created, open: null });
    const outcome = await dispatch(handlers, 'library:create', []);
    expect(outcome).toEqual({
      ok: true,
      value: { path: `${created}.filmfolio.sqlite`, name: 'Noir', filmCount: 0 },
    });
    expect(await dispatch(handlers, 'library:open', [])).toEqual({ ok: true, value: null });
    expect(await dispatch(handlers, 'library:info', [])).toMatchObject({ ok: true, value: { name: 'Noir' } });
    expect(app.libraries.current().path).toBe(`${created}.filmfolio.sqlite`);
  });

  it('switches only to a library on the recent list, never to a path the window makes up', async () => {
    const { handlers, app } = await handlersFor({ create: join(tempFolder(), 'Second') });
    const first = app.libraries.current().path;
    await dispatch(handlers, 'library:create', []);
    expect(await dispatch(handlers, 'library:switch', [first])).toMatchObject({
      ok: true,
      value: { path: first },
    });
    const made = await dispatch(handlers, 'library:switch', [join(tempFolder(), 'evil.sqlite')]);
    expect(made).toMatchObject({
      ok: false,
      error: { code: 'FAILED', message: expect.stringMatching(/not on the recent libraries list/) },
    });
    expect(app.libraries.current().path).toBe(first);
  });

  it('saves settings, tells main about the change, and refuses a bad one with its place', async () => {
    const { handlers, changes } = await handlersFor({});
    expect(await dispatch(handlers, 'settings:set', [{ theme: 'dark' }])).toMatchObject({
      ok: true,
      value: { theme: 'dark' },
    });
    expect(changes).toEqual(['dark']);
    const bad = await dispatch(handlers, 'settings:set', [{ backupsKept: 1000 }]);
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/backupsKept: keep at most 100/) },
    });
    expect(await dispatch(handlers, 'settings:get', [])).toMatchObject({
      ok: true,
      value: { theme: 'dark', backupsKept: 10 },
    });
  });

  it('says the desktop channels are unavailable where no desktop app runs', async () => {
    const library = await openLibrary(':memory:');
    const handlers = createHandlers({ library: () => library, samplePath });
    expect(await dispatch(handlers, 'settings:get', [])).toMatchObject({
      ok: false,
      error: { code: 'FAILED', message: expect.stringMatching(/only available in the desktop app/) },
    });
    await library.close();
  });
});
