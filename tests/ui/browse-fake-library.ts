import { vi } from 'vitest';
import type { FacetQuery, Facets, FilmPage, FilmSummary, ListQuery } from '../../src/shared/browse';
import type { FilmfolioApi } from '../../src/shared/contract';
import { fakeApi } from './edit-fake-api';

/** A film as browse lists it, with only what a test cares about given. */
export function summary(id: number, title: string, extra: Partial<FilmSummary> = {}): FilmSummary {
  return {
    id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    title,
    sortTitle: title,
    year: 2000 + id,
    runtimeMinutes: 90,
    directors: ['Ann Director'],
    genres: ['Drama'],
    userRating: null,
    imdbRating: null,
    rottenTomatoes: null,
    seen: false,
    onLoan: false,
    overdue: false,
    media: [],
    locations: [],
    hasPoster: false,
    addedAt: '2024-01-01T00:00:00.000Z',
    match: null,
    ...extra,
  };
}

export const emptyFacets: Facets = {
  total: 0,
  genres: [],
  tags: [],
  decades: [],
  years: null,
  media: [],
  directors: [],
  ratings: [],
  seen: { seen: 0, unseen: 0 },
  onLoan: 0,
  overdue: 0,
};

/** A search finding more than this answers its first page, like the real library, before its count. */
export const COUNTED_AT_ONCE = 500;

/**
 * A library of summaries behind a fake API: `films.list` pages, searches titles (case-insensitive
 * substring) and filters by genre, as the real one would, and records every query it was asked.
 * Like the real one, the first page of a search by best match that finds more than COUNTED_AT_ONCE
 * films comes back before its count (`totalExact` false, `total` the lower bound COUNTED_AT_ONCE + 1);
 * `films.count`, and every later page, give the exact number.
 */
export function fakeLibrary(films: FilmSummary[], facets: Partial<Facets> = {}) {
  const queries: ListQuery[] = [];
  const find = (query: FacetQuery) => {
    const search = (query.search ?? '').trim().toLowerCase();
    const genres = query.filter?.genres ?? [];
    return films.filter(
      (film) =>
        film.title.toLowerCase().includes(search) && genres.every((genre) => film.genres.includes(genre)),
    );
  };
  const list = vi.fn(async (query: ListQuery): Promise<FilmPage> => {
    queries.push(query);
    const found = find(query);
    const offset = query.offset ?? 0;
    const page = found.slice(offset, offset + (query.limit ?? 100));
    const early =
      (query.search ?? '').trim() !== '' &&
      query.sort === 'relevance' &&
      !query.descending &&
      offset === 0 &&
      found.length > COUNTED_AT_ONCE;
    return early
      ? { total: COUNTED_AT_ONCE + 1, totalExact: false, offset, films: page }
      : { total: found.length, totalExact: true, offset, films: page };
  });
  const count = vi.fn(async (query: FacetQuery): Promise<number> => find(query).length);
  const trash = vi.fn(async (ids: string[]) =>
    ids.map((id) => ({ id, title: id, year: null, deletedAt: '2025-01-01T00:00:00.000Z' })),
  );
  const api: FilmfolioApi = fakeApi({
    films: {
      list,
      count,
      facets: vi.fn(async () => ({ ...emptyFacets, total: films.length, ...facets })),
      ids: vi.fn(async () => films.map((film) => film.id)),
      get: vi.fn(async () => null),
      trash,
      restore: vi.fn(async (ids: string[]) => ids.length),
    },
    library: {
      info: vi.fn(async () => ({ path: '/films.sqlite', name: 'films', filmCount: films.length })),
      openSample: vi.fn(async () => ({ added: 1 })),
    },
  });
  return { api, list, count, trash, queries };
}
