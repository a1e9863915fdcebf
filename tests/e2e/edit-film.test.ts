import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { openLibrary } from '../../src/main/library';
import { posterThumbnail } from '../../src/main/library/posters';
import type { Film, FilmInput } from '../../src/shared/film-schema';
import { sampleFilm, tempFolder } from '../support/temp-library';
import { describeE2e } from './describe-e2e';
import { startApp, type AppHarness } from './harness';

const apps: AppHarness[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

/** A library file holding the given films, written by the library code and closed again. */
async function libraryWith(...films: FilmInput[]): Promise<{ path: string; ids: string[]; created: Film[] }> {
  const path = join(tempFolder(), 'collection.filmfolio.sqlite');
  const library = await openLibrary(path);
  const created = films.map((film) => library.create(film));
  await library.close();
  return { path, ids: created.map((film) => film.id), created };
}

async function open(libraryPath: string, hash: string): Promise<AppHarness> {
  const app = await startApp({ libraryPath, hash });
  apps.push(app);
  await app.page.locator('.editor, .empty-state, [aria-label="Films"]').first().waitFor();
  return app;
}

/** Reads a film through the library layer, on its own connection: what is really in the file. */
async function stored(path: string, id: string): Promise<Film | undefined> {
  const library = await openLibrary(path);
  try {
    return library.get(id);
  } finally {
    await library.close();
  }
}

/** The editor's field for a film path: ids are `field-` + the path with punctuation as dashes. */
const field = (page: Page, path: string) => page.locator(`#field-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`);

async function saveAndWait(page: Page): Promise<void> {
  await page.keyboard.press('Control+s');
  await page.getByText('All changes saved', { exact: true }).waitFor();
}

/** Today as the window's date inputs write it (the browser's own time zone, like the app). */
const today = (page: Page) =>
  page.evaluate(() => {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  });

/** A plain grey PNG of the given size, written without an image library (rows of RGB, deflated). */
function greyPng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const check = Buffer.alloc(4);
    check.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, check]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + width * 3, 0x80);
  row[0] = 0;
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describeE2e('the film editor in Chromium', () => {
  test('changes one value in every section of The Work, saves, and the library holds every change', async () => {
    const { path, ids, created } = await libraryWith(sampleFilm());
    const id = ids[0]!;
    const app = await open(path, `#/edit/${id}`);
    const { page } = app;
    await field(page, 'originalTitle').fill('The Work (Folsom)');
    await field(page, 'runtimeMinutes').fill('1h 30min');
    await field(page, 'quip').fill('Men cry in a prison room for four days.');
    await field(page, 'cast[0].character').fill('Himself');
    await field(page, 'quotes[0].context').fill('Said on the first day.');
    await field(page, 'boxOffice.budget').fill('$1.2 million');
    await page.getByText('= 1,200,000 USD').waitFor();
    await field(page, 'consensus').fill('Raw and moving.');
    await page.getByRole('button', { name: '+ Add trivia item' }).click();
    await field(page, 'trivia[4]').fill('Shot over four days.');
    await field(page, 'whereToWatch.providers[0].kind').selectOption('rent');
    await field(page, 'similar[0].reason').fill('Twelve men in one room.');
    await field(page, 'products[1].url').fill('https://example.org/journal');
    await field(page, 'soundtrack.tracks[0].performer').fill('The men of Folsom');
    await field(page, 'faq[0].question').fill('Is it real?');
    await field(page, 'bonus[1].description').fill('Belongs to another film.');
    await field(page, 'userRating').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await field(page, 'tags').fill('Prison films');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '+ Add copy' }).click();
    await field(page, 'copies[0].location').fill('Shelf A');
    await saveAndWait(page);
    expect(app.pageErrors).toEqual([]);
    await app.close();

    const film = await stored(path, id);
    const before = sampleFilm();
    expect(film).toMatchObject({
      originalTitle: 'The Work (Folsom)',
      runtimeMinutes: 90,
      quip: 'Men cry in a prison room for four days.',
      consensus: 'Raw and moving.',
      boxOffice: {
        budget: { amount: 1_200_000, currency: 'USD' },
        domestic: { amount: 5853, currency: 'USD' },
      },
      userRating: 9.5,
      tags: ['Prison films'],
      copies: [{ medium: 'Blu-ray', location: 'Shelf A', edition: null }],
    });
    expect(film!.cast[0]).toEqual({ ...before.cast![0], character: 'Himself' });
    expect(film!.cast.slice(1)).toEqual(before.cast!.slice(1));
    expect(film!.quotes[0]!.context).toBe('Said on the first day.');
    expect(film!.trivia).toEqual([...before.trivia!, 'Shot over four days.']);
    expect(film!.whereToWatch!.providers[0]!.kind).toBe('rent');
    expect(film!.similar[0]!.reason).toBe('Twelve men in one room.');
    expect(film!.products[1]!.url).toBe('https://example.org/journal');
    expect(film!.soundtrack!.tracks[0]!.performer).toBe('The men of Folsom');
    expect(film!.faq[0]).toEqual({ ...before.faq![0], question: 'Is it real?' });
    expect(film!.bonus[1]!.description).toBe('Belongs to another film.');
    // Untouched parts are exactly as they were.
    expect(film!.synopsis).toEqual(before.synopsis);
    expect(film!.criticReviews).toEqual(before.criticReviews);
    expect(film!.addedAt).toBe(created[0]!.addedAt);
    expect(film!.updatedAt > created[0]!.updatedAt).toBe(true);
  });

  test('creates a film from nothing', async () => {
    const { path } = await libraryWith();
    const app = await open(path, '#/edit/new');
    const { page } = app;
    await page.getByText('Write a title to save').waitFor();
    await field(page, 'title').fill('Alien');
    await field(page, 'year').fill('1979');
    await field(page, 'runtimeMinutes').fill('117');
    await field(page, 'genres').fill('Horror, Science Fiction,');
    await field(page, 'directors').fill('Ridley Scott');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForFunction(() => /^#\/edit\/[0-9a-f-]{36}$/.test(window.location.hash));
    await page.getByText('All changes saved', { exact: true }).waitFor();
    const id = await page.evaluate(() => window.location.hash.slice('#/edit/'.length));
    expect(app.pageErrors).toEqual([]);
    await app.close();
    expect(await stored(path, id)).toMatchObject({
      title: 'Alien',
      year: 1979,
      runtimeMinutes: 117,
      genres: ['Horror', 'Science Fiction'],
      directors: ['Ridley Scott'],
      sortTitle: 'Alien',
    });
  });

  test('moves a film to the trash, undoes it, and restores it from the trash view', async () => {
    const { path, ids } = await libraryWith(sampleFilm(), { title: 'Alien' });
    const id = ids[0]!;
    const app = await open(path, `#/edit/${id}`);
    const { page } = app;
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByText('“The Work” moved to the trash.').waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe('#/');
    await page
      .getByRole('region', { name: 'Films' })
      .getByRole('gridcell', { name: 'Alien', exact: true })
      .waitFor();
    expect(await page.getByRole('gridcell', { name: 'The Work', exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction((filmId) => window.location.hash === `#/edit/${filmId}`, id);
    await page.locator('.editor h1', { hasText: 'The Work' }).waitFor();
    expect((await stored(path, id))?.title).toBe('The Work');

    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByText('“The Work” moved to the trash.').waitFor();
    await page.getByRole('button', { name: 'Trash', exact: true }).click();
    await page.getByRole('button', { name: 'Restore The Work' }).click();
    await page.getByText('The trash is empty.').waitFor();
    expect(app.pageErrors).toEqual([]);
    await app.close();
    const library = await openLibrary(path);
    try {
      expect(library.trashList().total).toBe(0);
      expect(library.list({}).films.map((film) => film.title)).toEqual(['Alien', 'The Work']);
    } finally {
      await library.close();
    }
  });

  test('lends a copy and marks it returned', async () => {
    const { path, ids } = await libraryWith({ title: 'The Work', copies: [{ medium: 'DVD' }] });
    const id = ids[0]!;
    const app = await open(path, `#/edit/${id}`);
    const { page } = app;
    await page.getByRole('button', { name: 'Lend…' }).click();
    await field(page, 'copies[0].lend.borrower').fill('Ana');
    await field(page, 'copies[0].lend.dueOn').fill('2099-12-31');
    await page.getByRole('button', { name: 'Lend', exact: true }).click();
    await page.getByText('On loan to').waitFor();
    await saveAndWait(page);
    const lentOn = await today(page);
    expect((await stored(path, id))?.loans).toEqual([
      { copyIndex: 0, borrower: 'Ana', lentOn, dueOn: '2099-12-31', returnedOn: null },
    ]);

    await page.getByRole('button', { name: 'Returned' }).click();
    await saveAndWait(page);
    expect((await stored(path, id))?.loans).toEqual([
      { copyIndex: 0, borrower: 'Ana', lentOn, dueOn: '2099-12-31', returnedOn: lentOn },
    ]);
    await page.getByRole('button', { name: 'Lend…' }).waitFor();
    expect(app.pageErrors).toEqual([]);
  });
  test('takes a large poster image, scales it down in the window, and stores it with a grid thumbnail', async () => {
    const { path, ids } = await libraryWith({ title: 'The Work' });
    const id = ids[0]!;
    const image = join(tempFolder(), 'poster.png');
    writeFileSync(image, greyPng(2400, 3600));
    const app = await open(path, `#/edit/${id}`);
    const { page } = app;
    await page.getByLabel('Poster image file').setInputFiles(image);
    await page.getByText('Scaled down from 2400×3600').waitFor();
    await page.getByRole('img', { name: 'Poster of The Work' }).waitFor();
    await saveAndWait(page);
    await page.getByRole('button', { name: 'Remove', exact: true }).waitFor();
    expect(app.pageErrors).toEqual([]);
    await app.close();
    const library = await openLibrary(path);
    try {
      const poster = library.get(id)!.poster!;
      expect(poster.startsWith('data:image/jpeg;base64,')).toBe(true);
      const jpeg = Buffer.from(poster.split(',')[1]!, 'base64');
      // JPEG stores its size in the SOF0 marker: height then width, each two bytes.
      const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
      expect([jpeg.readUInt16BE(sof + 7), jpeg.readUInt16BE(sof + 5)]).toEqual([1000, 1500]);
      expect(posterThumbnail(library.sqlite, id)).toMatch(/^data:image\/jpeg;base64,/);
    } finally {
      await library.close();
    }
  });
});
