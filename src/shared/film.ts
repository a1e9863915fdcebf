import { filmInputSchema, type Film, type ParsedFilm } from './film-schema';

/** Every key of a film, in the order the library file writes them. */
export const FILM_KEYS = Object.keys(filmInputSchema.shape) as (keyof Film)[];

const LEADING_ARTICLE = /^(the|a|an)\s+(.+)$/i;

/** "The Work" → "Work, The": the order collectors expect on a shelf. */
export function deriveSortTitle(title: string): string {
  const match = LEADING_ARTICLE.exec(title.trim());
  return match ? `${match[2]}, ${match[1]}` : title.trim();
}

/** Keeps the first spelling of each value, dropping later ones that differ only in case. */
export function uniqueIgnoringCase(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Completes a validated film into the library's canonical form: id, sort title and timestamps
 * set, duplicate genres dropped. Keys come out in the schema's order, so serialised films are stable.
 */
export function completeFilm(parsed: ParsedFilm, now: string = new Date().toISOString()): Film {
  // Built in the schema's key order, whatever order the input came in (one pass: an import completes every film).
  const completed: Record<string, unknown> = {};
  for (const key of FILM_KEYS) completed[key] = parsed[key];
  completed.id = parsed.id ?? globalThis.crypto.randomUUID();
  completed.sortTitle = parsed.sortTitle ?? deriveSortTitle(parsed.title);
  completed.genres = uniqueIgnoringCase(parsed.genres);
  completed.addedAt = parsed.addedAt ?? now;
  completed.updatedAt = parsed.updatedAt ?? parsed.addedAt ?? now;
  return completed as Film;
}

/** A new film with nothing but a title, every other field empty. */
export function emptyFilm(title: string): Film {
  return completeFilm(filmInputSchema.parse({ title }));
}
