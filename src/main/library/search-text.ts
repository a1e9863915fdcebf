import type Database from 'better-sqlite3';
import type { Film } from '../../shared/film-schema';
import { searchFields, type SearchField } from '../../shared/browse';
import { learnChars, tokenize } from './search-marks';
import { expansionOf } from './search-terms';

/** The search index's columns (films_fts), in index order: the fields a search can match. */
export const SEARCH_COLUMNS = Object.keys(searchFields) as SearchField[];

/** Where the title is among SEARCH_COLUMNS: the title index (films_title_fts) holds that value alone. */
export const TITLE_COLUMN = SEARCH_COLUMNS.indexOf('title');

/**
 * NFC first: a title written with combining marks ("a" + U+0308) would otherwise split into two
 * words at the mark, and "nausicaa" would not find it; composed, the tokenizer folds "ä" to "a".
 */
const join = (values: readonly (string | null | undefined)[]) =>
  values.filter(Boolean).join('\n').normalize('NFC');

/**
 * The search index's title value: the title and the original title. Browse rebuilds it from the
 * film row (which it reads for a page anyway) instead of reading the film's search-index row.
 */
export const titleText = (title: string, originalTitle: string | null | undefined): string =>
  join([title, originalTitle]);

/** The text the search index holds for a film, one value per index column. */
export function searchText(film: Film): Record<SearchField, string> {
  return {
    title: titleText(film.title, film.originalTitle),
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
 * The terms of what a person typed, as the index's tokenizer splits and folds them: a typed word
 * the tokenizer cuts in two (a spacing mark in Devanagari, say) is two terms, never a phrase, which
 * the search index cannot answer (it keeps no positions: migration 0007). The characters typed
 * must have been learnt first (learnSearch).
 */
function searchTerms(input: string): string[] {
  return searchWords(input).flatMap((word) => tokenize(word).map((token) => token.term));
}

/** Learns how the index's tokenizer treats the characters typed: call before building its queries. */
export function learnSearch(sqlite: Database.Database, input: string): void {
  learnChars(sqlite, [input]);
}

/** The terms of a search written for FTS5, each as the index terms it starts where `expansions` has them. */
function writtenQuery(
  terms: readonly string[],
  expansions: readonly (string[] | null)[],
  sameScores: boolean,
): string {
  const written = terms.map((term, index) => {
    const expanded = expansions[index];
    if (!expanded || (sameScores && expanded.length > 1)) return `"${term}"*`;
    return expanded.length === 1
      ? `"${expanded[0]}"`
      : `(${expanded.map((each) => `"${each}"`).join(' OR ')})`;
  });
  return written.join(' AND ');
}

/**
 * Turns what a person typed into an FTS5 query: every word must match, each as a prefix, so
 * "ame" finds "Amélie". Each term is quoted, so quotes and operators typed are plain words and
 * nothing typed is ever a syntax error. Null when nothing searchable was typed.
 *
 * Given the library (`sqlite`), a typed term of four letters or more that starts few of the
 * index's terms is written as those terms (search-terms.ts): the same films, found without
 * FTS5 merging every matching term's entries first.
 */
export function ftsQuery(input: string, sqlite?: Database.Database): string | null {
  return ftsQueries(input, sqlite)?.fts ?? null;
}

/**
 * ftsQuery (`fts`), and the same films in the form whose bm25 scores are the prefixes' (`ranked`):
 * there a term is written as index terms only where it starts exactly one (several would each be
 * scored). Each typed term is looked up in the library once for both.
 */
export function ftsQueries(
  input: string,
  sqlite?: Database.Database,
): { fts: string; ranked: string } | null {
  const terms = searchTerms(input);
  if (terms.length === 0) return null;
  const expansions = terms.map((term) => (sqlite ? expansionOf(sqlite, term) : null));
  return { fts: writtenQuery(terms, expansions, false), ranked: writtenQuery(terms, expansions, true) };
}

/**
 * The same terms for the title index (films_title_fts): as whole words (`exact`) or as prefixes.
 * Ranking puts films whose title holds every word first, whole words before prefixes: "alien"
 * gives Alien, then Aliens, then a film whose story mentions an alien.
 */
export function ftsTitleQuery(input: string, exact: boolean): string | null {
  const terms = searchTerms(input);
  if (terms.length === 0) return null;
  return terms.map((term) => `"${term}"${exact ? '' : '*'}`).join(' ');
}
