import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Library } from '../../src/main/library';
import { readFilms } from '../../src/main/library/read-films';

/** A library file's text around the given films (any JSON values: tests pass broken ones too). */
export function libraryText(films: readonly unknown[], envelope: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'filmfolio-library', version: 1, ...envelope, films }, null, 2);
}

/** Writes a file into `folder` and returns its path. */
export function writeFixture(folder: string, name: string, content: string | Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

/** Everything the library holds (every film, whole, trash included): equal fingerprints, equal libraries. */
export function libraryFingerprint(library: Library): string {
  const keys = library.sqlite.prepare('SELECT key FROM films ORDER BY key').pluck().all() as number[];
  const people = library.sqlite.prepare('SELECT count(*) FROM people').pluck().get() as number;
  return JSON.stringify({ people, films: readFilms(library.sqlite, keys) });
}
