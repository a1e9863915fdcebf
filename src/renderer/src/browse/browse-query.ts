import { noFilter, sortLabels, type FilmFilter, type ListQuery, type SortKey } from '../../../shared/browse';

/**
 * What the collector asked browse for: the words typed, the filters, and the order. `sort: null`
 * means "the natural order": best match while searching, title otherwise.
 */
export type BrowseQuery = {
  search: string;
  filter: FilmFilter;
  sort: SortKey | null;
  descending: boolean;
};

export const emptyBrowseQuery: BrowseQuery = { search: '', filter: noFilter, sort: null, descending: false };

export function effectiveSort(query: BrowseQuery): SortKey {
  return query.sort ?? (query.search.trim() === '' ? 'title' : 'relevance');
}

/** The library's query for one page of this browse query. */
export function toListQuery(query: BrowseQuery, offset = 0, limit = 100): ListQuery {
  return {
    search: query.search,
    filter: query.filter,
    sort: effectiveSort(query),
    descending: query.descending,
    offset,
    limit,
  };
}

/** A stable text key of what a query finds and in which order (pages are cached under it). */
export function queryKey(query: BrowseQuery): string {
  return JSON.stringify([query.search.trim(), query.filter, effectiveSort(query), query.descending]);
}

/** A stable text key of what a query finds, whatever the order (filter counts are cached under it). */
export function findKey(query: BrowseQuery): string {
  return JSON.stringify([query.search.trim(), query.filter]);
}

export function hasFilter(filter: FilmFilter): boolean {
  return JSON.stringify(filter) !== JSON.stringify(noFilter);
}

/** True when the query narrows the library (a search or a filter); the order alone does not. */
export function narrows(query: BrowseQuery): boolean {
  return query.search.trim() !== '' || hasFilter(query.filter);
}

const ratingText = (rating: number) => String(rating).replace('.5', '½');

function yearsText(filter: FilmFilter): string | null {
  const { yearFrom: from, yearTo: to } = filter;
  if (from === null && to === null) return null;
  if (from !== null && to !== null && from % 10 === 0 && to === from + 9) return `the ${from}s`;
  if (from !== null && to !== null) return from === to ? `${from}` : `${from}–${to}`;
  return from !== null ? `${from} or later` : `${to} or earlier`;
}

function ratingsText(filter: FilmFilter): string | null {
  const { ratingFrom: from, ratingTo: to } = filter;
  if (from === null && to === null) return null;
  if (from !== null && to !== null) return `rated ${ratingText(from)}–${ratingText(to)}`;
  return from !== null ? `rated ${ratingText(from)} or more` : `rated ${ratingText(to ?? 0)} or less`;
}

/** How each order reads, ascending and descending. */
const ORDER_WORDS: Partial<Record<SortKey, [string, string]>> = {
  title: ['A to Z', 'Z to A'],
  year: ['oldest first', 'newest first'],
  runtime: ['shortest first', 'longest first'],
  imdb: ['lowest first', 'highest first'],
  rottenTomatoes: ['lowest first', 'highest first'],
  rating: ['lowest first', 'highest first'],
  seen: ['unseen first', 'seen first'],
  added: ['oldest first', 'newest first'],
  relevance: ['best match first', 'weakest match first'],
};

/** "sorted by year, newest first". */
export function sortText(sort: SortKey, descending: boolean): string {
  const words = ORDER_WORDS[sort] ?? ['A to Z', 'Z to A'];
  return `sorted by ${sortLabels[sort]}, ${words[descending ? 1 : 0]}`;
}

/** One removable piece of the query, as the query line shows it. */
export type QueryPart = { key: string; label: string; without: (query: BrowseQuery) => BrowseQuery };

const withFilter = (query: BrowseQuery, change: Partial<FilmFilter>): BrowseQuery => ({
  ...query,
  filter: { ...query.filter, ...change },
});

function listParts(filter: FilmFilter): QueryPart[] {
  return [
    ...filter.genres.map((genre) => ({
      key: `genre:${genre}`,
      label: genre,
      without: (q: BrowseQuery) => withFilter(q, { genres: q.filter.genres.filter((g) => g !== genre) }),
    })),
    ...filter.tags.map((tag) => ({
      key: `tag:${tag}`,
      label: `tagged ${tag}`,
      without: (q: BrowseQuery) => withFilter(q, { tags: q.filter.tags.filter((t) => t !== tag) }),
    })),
  ];
}

function valueParts(filter: FilmFilter): QueryPart[] {
  const parts: (QueryPart | null)[] = [
    yearsText(filter) === null
      ? null
      : {
          key: 'years',
          label: `from ${yearsText(filter)}`,
          without: (q) => withFilter(q, { yearFrom: null, yearTo: null }),
        },
    filter.director === null
      ? null
      : {
          key: 'director',
          label: `directed by ${filter.director}`,
          without: (q) => withFilter(q, { director: null }),
        },
    filter.person === null
      ? null
      : { key: 'person', label: `with ${filter.person}`, without: (q) => withFilter(q, { person: null }) },
    filter.medium === null
      ? null
      : { key: 'medium', label: `on ${filter.medium}`, without: (q) => withFilter(q, { medium: null }) },
    filter.seen === null
      ? null
      : {
          key: 'seen',
          label: filter.seen ? 'seen' : 'not seen yet',
          without: (q) => withFilter(q, { seen: null }),
        },
    ratingsText(filter) === null
      ? null
      : {
          key: 'rating',
          label: ratingsText(filter) ?? '',
          without: (q) => withFilter(q, { ratingFrom: null, ratingTo: null }),
        },
    filter.loan === null
      ? null
      : {
          key: 'loan',
          label: filter.loan === 'overdue' ? 'overdue' : 'on loan',
          without: (q) => withFilter(q, { loan: null }),
        },
  ];
  return parts.filter((part): part is QueryPart => part !== null);
}

/** The search, each filter and a chosen order, each removable on its own. */
export function queryParts(query: BrowseQuery): QueryPart[] {
  const search = query.search.trim();
  return [
    ...(search === ''
      ? []
      : [{ key: 'search', label: `“${search}”`, without: (q: BrowseQuery) => ({ ...q, search: '' }) }]),
    ...listParts(query.filter),
    ...valueParts(query.filter),
    ...(query.sort === null && !query.descending
      ? []
      : [
          {
            key: 'sort',
            label: sortText(effectiveSort(query), query.descending),
            without: (q: BrowseQuery) => ({ ...q, sort: null, descending: false }),
          },
        ]),
  ];
}

/** The whole query as one line: `“alien” · Science Fiction · not seen yet · sorted by year, newest first`. */
export function describeQuery(query: BrowseQuery): string {
  return queryParts(query)
    .map((part) => part.label)
    .join(' · ');
}
