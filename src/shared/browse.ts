import { z } from 'zod';

/** What browse asks of the library: one page of a search/filter/sort, plus counts. */

export const sortKeys = ['relevance', 'title', 'year', 'runtime', 'rating', 'added'] as const;
export type SortKey = (typeof sortKeys)[number];

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
  loan: z.enum(['on-loan', 'overdue']).nullable().default(null),
});
export type FilmFilter = z.output<typeof filmFilterSchema>;

export const listQuerySchema = z.strictObject({
  search: z.string().max(1000).default(''),
  filter: filmFilterSchema.default(filmFilterSchema.parse({})),
  sort: z.enum(sortKeys).default('title'),
  descending: z.boolean().default(false),
  offset: z.int().min(0).default(0),
  limit: z.int().min(1).max(500).default(100),
});
export type ListQuery = z.input<typeof listQuerySchema>;
export type ResolvedListQuery = z.output<typeof listQuerySchema>;

/** The fields a search can match, in the collector's words. */
export const searchFields = {
  title: 'title',
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
  imdbRating: number | null;
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

export type FilmPage = { total: number; offset: number; films: FilmSummary[] };

export type FacetCount = { value: string; count: number };
export type Facets = {
  genres: FacetCount[];
  tags: FacetCount[];
  decades: FacetCount[];
  media: FacetCount[];
  seen: { seen: number; unseen: number };
  onLoan: number;
  overdue: number;
};

export const MATCH_START = '\u0001';
export const MATCH_END = '\u0002';
