import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Library } from '../../src/main/library';
import { exportLibrary, TransferCancelledError } from '../../src/main/library/transfer';
import type { FilmInput } from '../../src/shared/film-schema';
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

  it('dates the file by its newest change, so exporting unchanged films twice gives the same bytes', async () => {
    const library = await libraryWith([
      { title: 'Older', addedAt: '2020-01-01T00:00:00.000Z', updatedAt: '2020-01-01T00:00:00.000Z' },
      { title: 'Newer', addedAt: '2021-01-01T00:00:00.000Z', updatedAt: '2021-01-01T00:00:00.000Z' },
    ]);
    const first = await exported(library);
    const second = await exported(library);
    expect(first.file.exportedAt).toBe(library.get(first.file.films[0]!.id as string)?.updatedAt);
    expect(second.text).toBe(first.text);
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
          if (done === 200) controller.abort();
        },
      }),
    ).rejects.toThrow(TransferCancelledError);
    expect(progress).toEqual([100, 200]);
    expect(readFileSync(path, 'utf8')).toBe('the user’s old export');
    expect(readdirSync(folder)).toEqual(['mine.json']);
    const result = await exportLibrary(library, path, { images: false });
    expect(result).toMatchObject({ path, films: 450 });
    expect(readdirSync(folder)).toEqual(['mine.json']);
    expect((JSON.parse(readFileSync(path, 'utf8')) as { films: unknown[] }).films).toHaveLength(450);
  });
});
