import type { Film } from '../../shared/film-schema';
import { searchFields, type SearchField } from '../../shared/browse';

/** The search index's columns (films_fts), in index order: the fields a search can match. */
export const SEARCH_COLUMNS = Object.keys(searchFields) as SearchField[];

/**
 * NFC first: a title written with combining marks ("a" + U+0308) would otherwise split into two
 * words at the mark, and "nausicaa" would not find it; composed, the tokenizer folds "ä" to "a".
 */
const join = (values: readonly (string | null | undefined)[]) =>
  values.filter(Boolean).join('\n').normalize('NFC');

/** The text the search index holds for a film, one value per index column. */
export function searchText(film: Film): Record<SearchField, string> {
  return {
    title: join([film.title, film.originalTitle]),
    people: join([...film.directors, ...film.cast.map((c) => c.person), ...film.crew.map((c) => c.person)]),
    characters: join(film.cast.map((c) => c.character)),
    quotes: join(film.quotes.flatMap((q) => [q.speaker, q.text])),
    story: join([film.quip, ...[...film.synopsis, ...film.spoilers].flatMap((s) => [s.heading, s.body])]),
    trivia: join(film.trivia),
    reviews: join([
      film.consensus,
      ...film.criticReviews.flatMap((r) => [r.outlet, r.text]),
      ...film.audienceReactions.flatMap((r) => [r.headline, r.detail]),
    ]),
    tags: join([...film.tags, ...film.genres]),
    notes: join([film.notes, film.personalReview?.text]),
  };
}

/** A film's search-index values in SEARCH_COLUMNS order, ready for an INSERT after its rowid. */
export function searchValues(film: Film): string[] {
  const text = searchText(film);
  return SEARCH_COLUMNS.map((column) => text[column]);
}

/** The words of what a person typed (at most 20), composed (NFC) as the index holds them. */
export function searchWords(input: string): string[] {
  return input
    .normalize('NFC')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 20);
}

/**
 * Turns what a person typed into an FTS5 query: every word must match, each as a prefix, so
 * "ame" finds "Amélie". Each word is quoted, so quotes and operators typed are plain words and
 * nothing typed is ever a syntax error. Null when nothing searchable was typed.
 */
export function ftsQuery(input: string): string | null {
  const words = searchWords(input);
  return words.length === 0 ? null : words.map((word) => `"${word}"*`).join(' ');
}

/**
 * The same words, all in the title: as whole words (`exact`) or as prefixes. Ranking puts films
 * whose title holds every word first, whole words before prefixes: "alien" gives Alien, then
 * Aliens, then a film whose story mentions an alien.
 */
export function ftsTitleQuery(input: string, exact: boolean): string | null {
  const words = searchWords(input);
  if (words.length === 0) return null;
  return `{title} : (${words.map((word) => `"${word}"${exact ? '' : '*'}`).join(' ')})`;
}
