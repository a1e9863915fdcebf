import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Library } from '../../src/main/library';
import { exportLibrary, TransferCancelledError } from '../../src/main/library/transfer';
import type { FilmInput } from '../../src/shared/film-schema';
import { filmsArbitrary } from '../support/film-arbitrary';
import { tempFolder, tempLibrary } from '../support/temp-library';

const POSTER = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==';
const PNG_START = Buffer.from(POSTER.slice(POSTER.indexOf(',') + 1), 'base64');
const BIG_POSTER = `data:image/png;base64,${Buffer.concat([PNG_START, Buffer.alloc(300_000, 7)]).toString('base64')}`;

type Options = NonNullable<Parameters<typeof exportLibrary>[2]>;

/** The file an export writes, read in file order (`keyOrder: false`) or in key order (`true`). */
async function exportBytes(library: Library, keyOrder: boolean, options: Options = {}): Promise<Buffer> {
  const path = join(tempFolder(), 'export.json');
  await exportLibrary(library, path, { ...options, keyOrder });
  return readFileSync(path);
}

/** Byte for byte (toEqual walks a Buffer element by element: seconds for the large posters). */
function expectSameBytes(actual: Buffer, expected: Buffer): void {
  expect(actual.length).toBe(expected.length);
  expect(actual.equals(expected)).toBe(true);
}

/**
 * Films added in an order unlike their title order (so key order and file order differ), with
 * posters small and large, tricky text, and random full films from the property tests' generator.
 */
async function mixedLibrary(): Promise<Library> {
  const library = await tempLibrary();
  const films: FilmInput[] = Array.from({ length: 240 }, (_, i) => ({
    title: `${String.fromCharCode(90 - (i % 26))} film ${i} — “ŁÓDŹ” \u2028 "quoted"\nline 😀`,
    year: 1900 + ((i * 37) % 120),
    directors: [`Director ${i % 7}`],
    cast: [
      { person: `Actor ${i}`, character: i % 2 ? 'Ñandú' : null },
      { person: `Actor ${i + 1}`, character: '    },\n    {' },
    ],
    quotes: [{ text: 'a\n    },\n    {\nb' }],
    genres: i % 4 ? ['Drama'] : ['Drama', 'Comedy'],
    poster: i % 60 === 0 ? BIG_POSTER : i % 3 === 0 ? POSTER : null,
    addedAt: '2020-01-01T00:00:00.000Z',
    updatedAt: `2020-01-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00.000Z`,
  }));
  films.push(...(fc.sample(filmsArbitrary(60), { numRuns: 1, seed: 8 })[0] ?? []));
  const ids = films.map((film) => library.create(film).id);
  // Trashed films sit between exported ones in key order: the range scans read them, the file must not.
  library.trash(ids.filter((_, index) => index % 9 === 4));
  return library;
}

describe('exporting through a key-order read', () => {
  it('writes the same bytes as the file-order read: whole library, with and without posters, a search, chosen ids', async () => {
    const library = await mixedLibrary();
    const all = await exportBytes(library, false);
    expect(all.toString('utf8')).not.toContain('"title": "V film 4 ');
    expectSameBytes(await exportBytes(library, true), all);
    expectSameBytes(
      await exportBytes(library, true, { images: false }),
      await exportBytes(library, false, { images: false }),
    );
    const query: Options = { scope: { kind: 'query', query: { search: 'director 3' } } };
    const searched = await exportBytes(library, false, query);
    expect((JSON.parse(searched.toString('utf8')) as { films: unknown[] }).films.length).toBeGreaterThan(10);
    expectSameBytes(await exportBytes(library, true, query), searched);
    const listed = JSON.parse(all.toString('utf8')) as { films: { id: string }[] };
    const ids = listed.films.filter((_, index) => index % 5 === 0).map((film) => film.id);
    const chosen: Options = { scope: { kind: 'ids', ids } };
    expectSameBytes(await exportBytes(library, true, chosen), await exportBytes(library, false, chosen));
  });

  it('reports progress up to the total, in order, and keeps its pieces file only while exporting', async () => {
    const library = await mixedLibrary();
    const folder = tempFolder();
    const path = join(folder, 'mine.json');
    const progress: number[] = [];
    const totals = new Set<number>();
    const seen = new Set<string>();
    const result = await exportLibrary(library, path, {
      keyOrder: true,
      onProgress: (done, total) => {
        progress.push(done);
        totals.add(total);
        for (const name of readdirSync(folder)) seen.add(name);
      },
    });
    expect([...totals]).toEqual([result.films]);
    expect(progress.at(-1)).toBe(result.films);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect([...seen].some((name) => name.endsWith('.tmp.pieces'))).toBe(true);
    expect(readdirSync(folder)).toEqual(['mine.json']);
  });

  it('reads small exports in file order: no pieces file', async () => {
    const library = await mixedLibrary();
    const folder = tempFolder();
    const seen = new Set<string>();
    await exportLibrary(library, join(folder, 'small.json'), {
      onProgress: () => readdirSync(folder).forEach((name) => seen.add(name)),
    });
    expect([...seen].filter((name) => name.endsWith('.pieces'))).toEqual([]);
  });

  it.each([
    ['while reading films', (done: number, total: number) => done > 0 && done < total / 2],
    ['while assembling the file', (done: number, total: number) => done > total / 2 && done < total],
  ])('a cancel %s leaves the existing file untouched and no temp or pieces file behind', async (_, when) => {
    const library = await mixedLibrary();
    const folder = tempFolder();
    const path = join(folder, 'mine.json');
    writeFileSync(path, 'the user’s old export');
    const controller = new AbortController();
    let sawPieces = false;
    await expect(
      exportLibrary(library, path, {
        keyOrder: true,
        signal: controller.signal,
        onProgress: (done, total) => {
          if (!when(done, total)) return;
          sawPieces = readdirSync(folder).some((name) => name.endsWith('.pieces'));
          controller.abort();
        },
      }),
    ).rejects.toThrow(TransferCancelledError);
    expect(sawPieces).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('the user’s old export');
    expect(readdirSync(folder)).toEqual(['mine.json']);
  });

  it('an error mid-export removes the temp and pieces files', async () => {
    const library = await mixedLibrary();
    const folder = tempFolder();
    let sawPieces = false;
    await expect(
      exportLibrary(library, join(folder, 'mine.json'), {
        keyOrder: true,
        onProgress: (done, total) => {
          if (done < total / 2) return;
          sawPieces = readdirSync(folder).some((name) => name.endsWith('.pieces'));
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(sawPieces).toBe(true);
    expect(readdirSync(folder)).toEqual([]);
  });
});
