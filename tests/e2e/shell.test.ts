import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { FilmfolioBridge } from '../../src/shared/contract';
import { openLibrary } from '../../src/main/library';
import { sampleFilm, tempFolder } from '../support/temp-library';
import { describeE2e } from './describe-e2e';
import { startApp, type AppHarness } from './harness';

const apps: AppHarness[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function open(libraryPath?: string): Promise<AppHarness> {
  const app = await startApp(libraryPath ? { libraryPath } : {});
  apps.push(app);
  return app;
}

/** A library file holding the sample film, written by the library code and closed again. */
async function libraryWithSampleFilm(): Promise<string> {
  const path = join(tempFolder(), 'collection.filmfolio.sqlite');
  const library = await openLibrary(path);
  library.create(sampleFilm());
  await library.close();
  return path;
}

describeE2e('the shell in Chromium, over the built main, preload and renderer', () => {
  test('lists the films of the library file it was given', async () => {
    const app = await open(await libraryWithSampleFilm());
    const films = app.page.getByRole('region', { name: 'Films' });
    await expect.poll(() => films.getByRole('gridcell', { name: 'The Work', exact: true }).count()).toBe(1);
    expect(await films.getByText('1 film', { exact: true }).isVisible()).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });

  test("serves the window with main's own Content-Security-Policy", async () => {
    const app = await open();
    const response = await app.page.reload();
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  });

  test('welcomes an empty library, and Open the sample film adds it to the list', async () => {
    const app = await open();
    await app.page.getByRole('heading', { name: 'Your library is empty' }).waitFor();
    await app.page.getByRole('button', { name: 'Open the sample film' }).click();
    await app.page.getByRole('gridcell', { name: 'The Work', exact: true }).waitFor();
    const library = await openLibrary(app.libraryPath);
    expect(library.list({ limit: 10 }).films.map((film) => film.title)).toEqual(['The Work']);
    await library.close();
  });

  test('the bridge answers an argument of the wrong shape with a located validation error', async () => {
    const app = await open();
    const outcome = await app.page.evaluate(() => {
      const bridge = (globalThis as unknown as { filmfolio: FilmfolioBridge }).filmfolio;
      return bridge.films.get(42 as unknown as string);
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('VALIDATION');
    expect(outcome.error.message).toContain('films:get');
  });

  test('main refuses a call that does not come from its own main frame', async () => {
    const app = await open();
    const ownPage = `${app.baseUrl}/`;
    expect(await app.callMain('library:info', [], { mainFrame: true, url: ownPage })).toMatchObject({
      ok: true,
    });
    const forbidden = { ok: false, error: { code: 'FORBIDDEN' } };
    expect(await app.callMain('library:info', [], { mainFrame: false, url: ownPage })).toMatchObject(
      forbidden,
    );
    expect(
      await app.callMain('library:info', [], { mainFrame: true, url: 'http://127.0.0.1:1/' }),
    ).toMatchObject(forbidden);
  });
});
