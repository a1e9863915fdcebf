import { z } from 'zod';

/** What browse asks of the library: one page of a search/filter/sort, plus counts. */

/** Every order browse offers: relevance (while searching) and one per table column. */
export const sortKeys = [
  'relevance',
  'title',
  'year',
  'runtime',
  'directors',
  'genres',
  'imdb',
  'rottenTomatoes',
  'rating',
  'seen',
  'media',
  'location',
  'added',
] as const;
export type SortKey = (typeof sortKeys)[number];

export const loanStates = ['on-loan', 'overdue'] as const;
export type LoanState = (typeof loanStates)[number];

export const filmFilterSchema = z.strictObject({
  genres: z.array(z.string()).max(50).default([]),
  tags: z.array(z.string()).max(50).default([]),
  yearFrom: z.int().min(1870).max(2100).nullable().default(null),
  yearTo: z.int().min(1870).max(2100).nullable().default(null),
  director: z.string().max(500).nullable().default(null),
  person: z.string().max(500).nullable().default(null),
  medium: z.string().max(100).nullable().default(null),
  seen: z.boolean().nullable().default(null),
  ratingFrom: z.number().min(0).max(10).nullable().default(null),
  ratingTo: z.number().min(0).max(10).nullable().default(null),
  loan: z.enum(loanStates).nullable().default(null),
});
export type FilmFilter = z.output<typeof filmFilterSchema>;
export type FilmFilterInput = z.input<typeof filmFilterSchema>;

/** A filter with nothing set: every film. */
export const noFilter: FilmFilter = filmFilterSchema.parse({});

export const listQuerySchema = z.strictObject({
  search: z.string().max(1000).default(''),
  filter: filmFilterSchema.default(noFilter),
  sort: z.enum(sortKeys).default('title'),
  descending: z.boolean().default(false),
  offset: z.int().min(0).default(0),
  limit: z.int().min(1).max(500).default(100),
});
export type ListQuery = z.input<typeof listQuerySchema>;
export type ResolvedListQuery = z.output<typeof listQuerySchema>;

/** Which films the filter lists count over: the current search and filter (no sort, no page). */
export const facetQuerySchema = z.strictObject({
  search: z.string().max(1000).default(''),
  filter: filmFilterSchema.default(noFilter),
});
export type FacetQuery = z.input<typeof facetQuerySchema>;

/** The fields a search can match, in the collector's words. */
export const searchFields = {
  title: 'the title',
  people: 'a name',
  characters: 'a character',
  quotes: 'a quote',
  story: 'the story',
  trivia: 'trivia',
  reviews: 'a review',
  tags: 'a tag',
  notes: 'the notes',
} as const;
export type SearchField = keyof typeof searchFields;

/** One film as a row or card of browse: enough to show it, never the whole record. */
export type FilmSummary = {
  id: string;
  title: string;
  sortTitle: string;
  year: number | null;
  runtimeMinutes: number | null;
  directors: string[];
  genres: string[];
  userRating: number | null;
  /** Out of 10. */
  imdbRating: number | null;
  /** Out of 100. */
  rottenTomatoes: number | null;
  seen: boolean;
  onLoan: boolean;
  overdue: boolean;
  media: string[];
  locations: string[];
  hasPoster: boolean;
  addedAt: string;
  /** Where a search matched: the field and a snippet with the matched words between \u0001 and \u0002. */
  match: { field: SearchField; snippet: string } | null;
};

export type FilmPage = {
  /** How many films the query finds when `totalExact`; otherwise a lower bound (more than the page holds). */
  total: number;
  /**
   * False when counting was left for later: the first page of a search that finds many films comes
   * back before its exact count (films:count answers that), since counting every film a common
   * prefix finds can cost more than the page.
   */
  totalExact: boolean;
  offset: number;
  films: FilmSummary[];
};

/** The page browse asks for: a window's worth of rows and as many again to scroll into. */
export const BROWSE_PAGE_SIZE = 50;

export type FacetCount = { value: string; count: number };
export type RatingCount = { rating: number | null; count: number };

/**
 * Counts for browse's filter lists, over the films the current search and filter find. A list
 * whose own filter allows one value (decade, medium, seen, loan, rating) counts as if that one
 * filter were off, so its other values say what choosing them instead would give.
 */
export type Facets = {
  /** How many films the search and filter find. */
  total: number;
  genres: FacetCount[];
  tags: FacetCount[];
  /** "1990s" → count, oldest first. */
  decades: FacetCount[];
  /** The earliest and latest year among the films counted for decades, or null when none has one. */
  years: { min: number; max: number } | null;
  media: FacetCount[];
  /** The directors with the most films, most first (at most 40). */
  directors: FacetCount[];
  /** Own ratings, null for films not rated yet, lowest first. */
  ratings: RatingCount[];
  seen: { seen: number; unseen: number };
  onLoan: number;
  overdue: number;
};

export const MATCH_START = '\u0001';
export const MATCH_END = '\u0002';

/** The table columns and grid fields a sort key orders by, in the collector's words. */
export const sortLabels: Record<SortKey, string> = {
  relevance: 'best match',
  title: 'title',
  year: 'year',
  runtime: 'runtime',
  directors: 'director',
  genres: 'genre',
  imdb: 'IMDb rating',
  rottenTomatoes: 'Rotten Tomatoes',
  rating: 'own rating',
  seen: 'seen',
  media: 'medium',
  location: 'location',
  added: 'date added',
};
