import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { completeFilm } from '../../src/shared/film';
import { filmInputSchema, type Film } from '../../src/shared/film-schema';
import { titleYearKey } from '../../src/main/library/transfer/duplicates';

/**
 * The real data set: 36,273 American films from Wikipedia (title, year, cast, genres, a paragraph
 * of extract), mapped to the film model. Present on the project's machines beside the repository;
 * the bench skips it when it is not there.
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const REAL_FILMS_PATH = join(
  repoRoot,
  '..',
  'shared',
  'samples',
  'wikipedia-movie-data',
  'movies-1900-2023.json',
);

type WikipediaFilm = { title?: unknown; year?: unknown; cast?: unknown; genres?: unknown; extract?: unknown };

export type RealFilms = {
  /**
   * The valid films in file order, each title and year once (the set repeats 30 or so; an import
   * would skip the repeats, and the bench compares import and raw limit on the same films).
   */
  films: Film[];
  /** Records left out as repeats of an earlier title and year. */
  repeats: number;
  /** Records that are not valid films (no title). */
  invalid: number;
};

const texts = (value: unknown): string[] =>
  Array.isArray(value)
    ? value
        .filter((v): v is string => typeof v === 'string')
        .map((v) => v.trim())
        .filter(Boolean)
    : [];

function toFilm(record: WikipediaFilm, index: number): Film | null {
  const year =
    typeof record.year === 'number' && record.year >= 1870 && record.year <= 2100 ? record.year : null;
  const extract = typeof record.extract === 'string' ? record.extract.trim() : '';
  const addedAt = new Date(Date.UTC(2020, 0, 1) + index * 60_000).toISOString();
  const parsed = filmInputSchema.safeParse({
    id: `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`,
    title: String(record.title ?? '').trim(),
    year,
    genres: texts(record.genres),
    cast: texts(record.cast).map((person) => ({ person })),
    synopsis: extract ? [{ body: extract }] : [],
    addedAt,
    updatedAt: addedAt,
  });
  return parsed.success ? completeFilm(parsed.data) : null;
}

/** The real films, or null when the data set is not on this machine. */
export function loadRealFilms(path = REAL_FILMS_PATH): RealFilms | null {
  if (!existsSync(path)) return null;
  const records = JSON.parse(readFileSync(path, 'utf8')) as WikipediaFilm[];
  const films: Film[] = [];
  let invalid = 0;
  records.forEach((record, index) => {
    const film = toFilm(record, index);
    if (film) films.push(film);
    else invalid += 1;
  });
  const seen = new Set<string>();
  const distinct = films.filter((film) => {
    const key = titleYearKey(film.title, film.year);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { films: distinct, repeats: films.length - distinct.length, invalid };
}
