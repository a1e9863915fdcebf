import type { ReactNode } from 'react';
import type { FilmSummary, SortKey } from '../../../shared/browse';
import { FilmTitle, MatchNote } from './match-snippet';

/** A table column: what it shows, how it sorts, how wide it starts. */
export type Column = {
  key: ColumnKey;
  label: string;
  /** The sort key a click on its header sorts by. */
  sort: SortKey;
  width: number;
  align?: 'end' | 'center';
  /** The text a screen reader and a tooltip get; the cell may show more (marks, badges). */
  text: (film: FilmSummary) => string;
  cell?: (film: FilmSummary) => ReactNode;
};

export const COLUMN_KEYS = [
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
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export const DEFAULT_COLUMNS: ColumnKey[] = [
  'title',
  'year',
  'runtime',
  'directors',
  'genres',
  'imdb',
  'rating',
  'seen',
  'media',
];

/** "1h 29m", as the fact page writes a runtime (shorter). */
export function runtimeText(minutes: number | null): string {
  if (minutes === null) return '';
  const hours = Math.floor(minutes / 60);
  return hours === 0 ? `${minutes}m` : `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** An own rating out of 10 as "8½". */
export function ratingText(rating: number | null): string {
  if (rating === null) return '';
  return `${Math.floor(rating)}${rating % 1 === 0.5 ? '½' : ''}`;
}

const dateText = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

function TitleCell({ film }: { film: FilmSummary }) {
  return (
    <span className="title-cell">
      <span className="title-line">
        <span className="title-text">
          <FilmTitle film={film} />
        </span>
        {film.overdue ? (
          <span className="badge badge-overdue">overdue</span>
        ) : film.onLoan ? (
          <span className="badge badge-loan">on loan</span>
        ) : null}
      </span>
      <MatchNote film={film} />
    </span>
  );
}

export const COLUMNS: Record<ColumnKey, Column> = {
  title: {
    key: 'title',
    label: 'Title',
    sort: 'title',
    width: 300,
    text: (film) => film.title,
    cell: (film) => <TitleCell film={film} />,
  },
  year: {
    key: 'year',
    label: 'Year',
    sort: 'year',
    width: 64,
    align: 'end',
    text: (film) => String(film.year ?? ''),
  },
  runtime: {
    key: 'runtime',
    label: 'Runtime',
    sort: 'runtime',
    width: 76,
    align: 'end',
    text: (film) => runtimeText(film.runtimeMinutes),
  },
  directors: {
    key: 'directors',
    label: 'Directors',
    sort: 'directors',
    width: 170,
    text: (film) => film.directors.join(', '),
  },
  genres: {
    key: 'genres',
    label: 'Genres',
    sort: 'genres',
    width: 170,
    text: (film) => film.genres.join(', '),
  },
  imdb: {
    key: 'imdb',
    label: 'IMDb',
    sort: 'imdb',
    width: 64,
    align: 'end',
    text: (film) => (film.imdbRating === null ? '' : film.imdbRating.toFixed(1)),
  },
  rottenTomatoes: {
    key: 'rottenTomatoes',
    label: 'RT',
    sort: 'rottenTomatoes',
    width: 60,
    align: 'end',
    text: (film) => (film.rottenTomatoes === null ? '' : `${Math.round(film.rottenTomatoes)}%`),
  },
  rating: {
    key: 'rating',
    label: 'My ★',
    sort: 'rating',
    width: 64,
    align: 'end',
    text: (film) => (film.userRating === null ? '' : `${ratingText(film.userRating)} of 10`),
    cell: (film) =>
      film.userRating === null ? null : <span className="own-rating">★ {ratingText(film.userRating)}</span>,
  },
  seen: {
    key: 'seen',
    label: 'Seen',
    sort: 'seen',
    width: 56,
    align: 'center',
    text: (film) => (film.seen ? 'seen' : ''),
    cell: (film) => (film.seen ? <span className="seen-mark">✓</span> : null),
  },
  media: { key: 'media', label: 'Media', sort: 'media', width: 110, text: (film) => film.media.join(', ') },
  location: {
    key: 'location',
    label: 'Location',
    sort: 'location',
    width: 130,
    text: (film) => film.locations.join(', '),
  },
  added: { key: 'added', label: 'Added', sort: 'added', width: 110, text: (film) => dateText(film.addedAt) },
};

export const MIN_COLUMN_WIDTH = 44;
