import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { libraryFileSchema, type FilmInput } from '../../src/shared/film-schema';
import { openLibrary, type Library } from '../../src/main/library';
import { repoRoot, samplePath, seedPagePath } from './paths';

export { repoRoot, samplePath, seedPagePath };

/** The Work, as the hand-written sample library holds it. */
export function sampleFilm(): FilmInput {
  const file = libraryFileSchema.parse(JSON.parse(readFileSync(samplePath, 'utf8')));
  return file.films[0]!;
}

/** The raw JSON of the sample film (canonical: every key, in order). */
export function sampleFilmJson(): Record<string, unknown> {
  return (JSON.parse(readFileSync(samplePath, 'utf8')) as { films: Record<string, unknown>[] }).films[0]!;
}

const folders: string[] = [];
const libraries: Library[] = [];

/** A fresh temp folder, removed after the test. */
export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'filmfolio-test-'));
  folders.push(folder);
  return folder;
}

/** A real library file in a temp folder, closed and removed after the test. */
export async function tempLibrary(): Promise<Library> {
  const library = await openLibrary(join(tempFolder(), 'library.filmfolio.sqlite'));
  libraries.push(library);
  return library;
}

/**
 * A library of `count` films saved one by one (titles, directors and a quip that searches find):
 * each save is a transaction, so its search index is in many segments.
 */
export async function savedOneByOne(count = 40): Promise<Library> {
  const library = await tempLibrary();
  const seed = sampleFilm();
  for (let i = 0; i < count; i += 1) {
    library.create({
      ...seed,
      id: undefined,
      title: i % 3 === 0 ? `Rising Signal ${i}` : `Film ${i} of the Kyoto Marathon`,
      directors: [`Director ${i % 5}`],
      quip: i % 2 ? 'An elegant seance' : null,
    });
  }
  return library;
}

afterEach(async () => {
  for (const library of libraries.splice(0)) await library.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
