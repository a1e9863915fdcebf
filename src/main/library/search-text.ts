import type { Film } from '../../shared/film-schema';
import type { SearchField } from '../../shared/browse';

const join = (values: readonly (string | null | undefined)[]) => values.filter(Boolean).join('\n');

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

/**
 * Turns what a person typed into an FTS5 query: every word must match, each as a prefix, so
 * "ame" finds "Amélie". Quotes and operators are neutralised; nothing typed is ever a syntax error.
 */
export function ftsQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 20);
  if (words.length === 0) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}
