import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Library } from '../../src/main/library';
import { exportLibrary, TransferCancelledError } from '../../src/main/library/transfer';
import { filmsText } from '../../src/main/library/transfer/export-library';
import { filmText, libraryFooter, libraryHeader } from '../../src/main/library/transfer/library-json';
import type { Film, FilmInput } from '../../src/shared/film-schema';
import { tempFolder, tempLibrary } from '../support/temp-library';

const POSTER = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==';

async function libraryWith(films: FilmInput[]): Promise<Library> {
  const library = await tempLibrary();
  for (const film of films) library.create(film);
  return library;
}

async function exported(library: Library, options: Parameters<typeof exportLibrary>[2] = {}) {
  const path = join(tempFolder(), 'export.json');
  const result = await exportLibrary(library, path, options);
  const text = readFileSync(path, 'utf8');
  return {
    result,
    text,
    file: JSON.parse(text) as { exportedAt?: string; films: Record<string, unknown>[] },
  };
}

describe('exporting a library file', () => {
  it('writes exactly JSON.stringify(file, null, 2): keys in record order, 2-space indentation, final newline', async () => {
    const library = await libraryWith([
      {
        title: 'Stalker',
        year: 1979,
        userRating: 9.5,
        ratings: [{ source: 'IMDb', value: 8, scale: 10, votes: 150000 }],
      },
      { title: 'Mirror' },
    ]);
    const { text, file } = await exported(library);
    const films = file.films.map((film) => library.get(film.id as string));
    const expected = { format: 'filmfolio-library', version: 1, exportedAt: file.exportedAt, films };
    expect(text).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    expect(Object.keys(file.films[0] as object)).toEqual(Object.keys(films[0] as object));
    expect(text).toContain('"userRating": 9.5');
    expect(text).toContain('"value": 8,');
  });

  it('orders films by sort title (ignoring case), year, exact sort title, then id: stable whatever order they were added in', async () => {
    const library = await libraryWith([
      { title: 'Zodiac', year: 2007 },
      { title: 'Alien', year: 1986 },
      { title: 'alien', year: 1979 },
      { title: 'The Abyss', year: 1989 },
      { title: 'Alien' },
      { title: 'Alien', year: 1979 },
    ]);
    const { file } = await exported(library);
    expect(file.films.map((film) => `${film.title} ${film.year ?? '-'}`)).toEqual([
      'The Abyss 1989',
      'Alien -',
      'Alien 1979',
      'alien 1979',
      'Alien 1986',
      'Zodiac 2007',
    ]);
  });

  it('puts films alike in sort title and year in id order, however they were added, in both ways of reading', async () => {
    const ids = ['c', 'a', 'd', 'b'].map((letter) => `${letter.repeat(8)}-0000-4000-8000-000000000000`);
    const library = await libraryWith([
      { title: 'Solaris', year: 1972, id: ids[0] },
      { title: 'Andrei Rublev', year: 1966 },
      { title: 'Solaris', year: 1972, id: ids[1] },
      { title: 'solaris', year: 1972, id: ids[2] },
      { title: 'Solaris', year: 1972, id: ids[3] },
      { title: 'Solaris', year: 2002 },
    ]);
    for (const keyOrder of [false, true]) {
      const { file } = await exported(library, { keyOrder });
      expect(file.films.map((film) => `${film.title} ${film.year} ${String(film.id).slice(0, 1)}`)).toEqual([
        expect.stringMatching(/^Andrei Rublev 1966 /),
        'Solaris 1972 a',
        'Solaris 1972 b',
        'Solaris 1972 c',
        'solaris 1972 d',
        expect.stringMatching(/^Solaris 2002 /),
      ]);
    }
  });

  it('dates the file by its newest change, so exporting unchanged films twice gives the same bytes', async () => {
    const library = await libraryWith([
      { title: 'Older', addedAt: '2020-01-01T00:00:00.000Z', updatedAt: '2020-01-01T00:00:00.000Z' },
      { title: 'Newer', addedAt: '2021-01-01T00:00:00.000Z', updatedAt: '2021-01-01T00:00:00.000Z' },
    ]);
    const first = await exported(library);
    const second = await exported(library);
    expect(first.file.exportedAt).toBe(library.get(first.file.films[0]!.id as string)?.updatedAt);
    expect(second.text).toBe(first.text);
    // Read in key order, the date comes from the films read: the same bytes.
    expect((await exported(library, { keyOrder: true })).text).toBe(first.text);
    // Chosen films are dated by their own newest change, not the library's.
    const older = first.file.films.find((film) => film.title === 'Older')!.id as string;
    const newer = library.get(first.file.films.find((film) => film.title === 'Newer')!.id as string)!;
    await new Promise((resolve) => setTimeout(resolve, 5));
    library.update({ ...newer, notes: 'changed later' }, newer.updatedAt);
    expect(library.get(newer.id)!.updatedAt > library.get(older)!.updatedAt).toBe(true);
    for (const keyOrder of [false, true]) {
      const chosen = await exported(library, { scope: { kind: 'ids', ids: [older] }, keyOrder });
      expect(chosen.file.exportedAt).toBe(library.get(older)?.updatedAt);
    }
  });

  it('exports an empty library as a file with an empty list', async () => {
    const library = await tempLibrary();
    const { text, result } = await exported(library);
    expect(text).toBe('{\n  "format": "filmfolio-library",\n  "version": 1,\n  "films": []\n}\n');
    expect(result.films).toBe(0);
  });

  it('exports a search result or chosen films only', async () => {
    const library = await libraryWith([
      { title: 'Stalker', directors: ['Andrei Tarkovsky'] },
      { title: 'Mirror', directors: ['Andrei Tarkovsky'] },
      { title: 'Alien', directors: ['Ridley Scott'] },
    ]);
    const searched = await exported(library, { scope: { kind: 'query', query: { search: 'tarkovsky' } } });
    expect(searched.file.films.map((film) => film.title)).toEqual(['Mirror', 'Stalker']);
    const ids = [(await exported(library)).file.films.find((film) => film.title === 'Alien')!.id as string];
    const chosen = await exported(library, { scope: { kind: 'ids', ids } });
    expect(chosen.file.films.map((film) => film.title)).toEqual(['Alien']);
  });

  it('includes posters unless asked not to', async () => {
    const library = await libraryWith([{ title: 'With poster', poster: POSTER }]);
    expect((await exported(library)).file.films[0]?.poster).toBe(POSTER);
    expect((await exported(library, { images: false })).file.films[0]?.poster).toBeNull();
  });

  it('writes through a temp file: a cancel leaves the existing file untouched and no temp behind', async () => {
    const library = await libraryWith(Array.from({ length: 450 }, (_, i) => ({ title: `Film ${i}` })));
    const folder = tempFolder();
    const path = join(folder, 'mine.json');
    writeFileSync(path, 'the user’s old export');
    const controller = new AbortController();
    const progress: number[] = [];
    await expect(
      exportLibrary(library, path, {
        images: false,
        signal: controller.signal,
        onProgress: (done, total) => {
          progress.push(done);
          expect(total).toBe(450);
          if (progress.length === 2) controller.abort();
        },
      }),
    ).rejects.toThrow(TransferCancelledError);
    // Batches are sized by the films' text, so only the shape of the progress is pinned.
    expect(progress).toHaveLength(2);
    expect(progress[0]).toBeGreaterThan(0);
    expect(progress[1]).toBeGreaterThan(progress[0] as number);
    expect(progress[1]).toBeLessThan(450);
    expect(readFileSync(path, 'utf8')).toBe('the user’s old export');
    expect(readdirSync(folder)).toEqual(['mine.json']);
    const done: number[] = [];
    const result = await exportLibrary(library, path, { images: false, onProgress: (n) => done.push(n) });
    expect(result).toMatchObject({ path, films: 450 });
    expect(done.at(-1)).toBe(450);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(readdirSync(folder)).toEqual(['mine.json']);
    expect((JSON.parse(readFileSync(path, 'utf8')) as { films: unknown[] }).films).toHaveLength(450);
  });

  it('writes a large library in the same bytes as film-by-film text, whatever the batches (posters among them)', async () => {
    // Posters of different sizes, a few big enough to be read in a batch of their own.
    const pngStart = Buffer.from(POSTER.slice(POSTER.indexOf(',') + 1), 'base64');
    const big = `data:image/png;base64,${Buffer.concat([pngStart, Buffer.alloc(300_000, 7)]).toString('base64')}`;
    const films: FilmInput[] = Array.from({ length: 300 }, (_, i) => ({
      title: `Film ${i} — “ŁÓDŹ” \u2028 "quoted"\nline`,
      year: 1900 + (i % 120),
      directors: [`Director ${i % 7}`],
      cast: [{ person: `Actor ${i}`, character: i % 2 ? 'Ñandú' : null }],
      genres: ['Drama'],
      poster: i % 50 === 0 ? big : i % 3 === 0 ? POSTER : null,
      addedAt: '2020-01-01T00:00:00.000Z',
      updatedAt: '2020-01-01T00:00:00.000Z',
    }));
    const library = await libraryWith(films);
    const { text, file, result } = await exported(library);
    const expected = file.films.map((film) => library.get(film.id as string) as Film);
    expect(result.films).toBe(300);
    expect(text).toBe(
      `${libraryHeader(file.exportedAt ?? null, 300)}${expected.map(filmText).join(',\n')}${libraryFooter(300)}`,
    );
    expect(file.films.filter((film) => film.poster === big)).toHaveLength(6);
  });

  it('joins films into the same text as filmText, and puts keys in record order whatever order they came in', async () => {
    const library = await tempLibrary();
    const first = library.get(library.create({ title: 'Stalker', quotes: [{ text: 'a\nb' }] }).id);
    const second = library.get(library.create({ title: 'Mirror', tags: ['ünï'] }).id);
    const shuffled = Object.fromEntries(Object.entries(first as Film).reverse()) as Film;
    expect(filmsText([shuffled, second as Film])).toBe(
      [first, second].map((f) => filmText(f as Film)).join(',\n'),
    );
    expect(filmsText([])).toBe('');
  });

  it('reads through a small page cache while exporting and puts the connection’s own back', async () => {
    const library = await libraryWith([{ title: 'Stalker' }]);
    library.sqlite.pragma('cache_size = -65536');
    const seen: number[] = [];
    await exportLibrary(library, join(tempFolder(), 'export.json'), {
      onProgress: () => seen.push(library.sqlite.pragma('cache_size', { simple: true }) as number),
    });
    expect(seen).toEqual([-8192]);
    expect(library.sqlite.pragma('cache_size', { simple: true })).toBe(-65536);
  });
});
