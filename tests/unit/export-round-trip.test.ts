import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../src/main/library';
import {
  commitImport,
  exportLibrary,
  previewImport,
  summarizePreview,
} from '../../src/main/library/transfer';
import type { FilmInput } from '../../src/shared/film-schema';
import { canonicalFilm, filmsArbitrary } from '../support/film-arbitrary';
import { libraryFingerprint, libraryText } from '../support/library-files';
import { publishedSchemaValidator } from '../support/library-schema';
import { samplePath, tempFolder, tempLibrary } from '../support/temp-library';

type LibraryFile = { films: { id: string }[] };

async function importPath(library: Library, path: string, keepFilmBytes?: number) {
  const preview = await previewImport(library, { path }, { keepFilmBytes });
  const summary = summarizePreview(preview);
  await commitImport(library, preview, {}, { backup: false });
  return summary;
}

async function exportText(library: Library, path: string): Promise<string> {
  await exportLibrary(library, path);
  return readFileSync(path, 'utf8');
}

/**
 * Imports a file into a new, empty library, exports it, closes the library. With `keepFilmBytes`
 * 0 the preview keeps no film: each is read from the file again as it is written.
 */
async function throughEmptyLibrary(
  folder: string,
  name: string,
  sourcePath: string,
  keepFilmBytes?: number,
): Promise<string> {
  const library = await openLibrary(join(folder, `${name}.sqlite`));
  try {
    const summary = await importPath(library, sourcePath, keepFilmBytes);
    expect(summary.counts.rejected, JSON.stringify(summary.films.flatMap((row) => row.problems))).toBe(0);
    return await exportText(library, join(folder, `${name}.json`));
  } finally {
    await library.close();
  }
}

describe('export → import → export', () => {
  it('gives the same bytes, and every record equal to the film that went in (property-based)', async () => {
    await fc.assert(
      fc.asyncProperty(filmsArbitrary(4), async (films: FilmInput[]) => {
        const folder = tempFolder();
        const source = join(folder, 'source.json');
        writeFileSync(source, libraryText(films));
        const first = await throughEmptyLibrary(folder, 'first', source);
        // The first import writes the films its preview kept, the second reads each again.
        const second = await throughEmptyLibrary(folder, 'second', join(folder, 'first.json'), 0);
        expect(second).toBe(first);
        const exported = (JSON.parse(first) as LibraryFile).films;
        expect(exported).toHaveLength(films.length);
        const byId = new Map(exported.map((film) => [film.id, film]));
        for (const film of films) expect(byId.get(film.id as string)).toEqual(canonicalFilm(film));
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  it('keeps the sample library (The Work) unchanged, and its export validates against the published schema', async () => {
    const library = await tempLibrary();
    const folder = tempFolder();
    await importPath(library, samplePath);
    const exported = await exportText(library, join(folder, 'the-work.json'));
    const sample = JSON.parse(readFileSync(samplePath, 'utf8')) as LibraryFile & Record<string, unknown>;
    const file = JSON.parse(exported) as LibraryFile & Record<string, unknown>;
    const withoutTimes = ({ addedAt: _a, updatedAt: _u, ...film }: Record<string, unknown>) => film;
    expect(file.films.map(withoutTimes)).toEqual(sample.films.map(withoutTimes));
    expect(publishedSchemaValidator()(file), JSON.stringify(publishedSchemaValidator().errors)).toBe(true);

    const before = libraryFingerprint(library);
    const again = await importPath(library, join(folder, 'the-work.json'));
    expect(again.counts).toMatchObject({ total: 1, unchanged: 1, new: 0, updated: 0 });
    expect(libraryFingerprint(library)).toBe(before);
    expect(await throughEmptyLibrary(folder, 'fresh', join(folder, 'the-work.json'))).toBe(exported);
  });
});
