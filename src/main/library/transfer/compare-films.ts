import { isDeepStrictEqual } from 'node:util';
import { completeFilm } from '../../../shared/film';
import type { Film, ParsedFilm } from '../../../shared/film-schema';

/**
 * True when an incoming film says nothing the stored one does not: equal field by field, ignoring
 * the id (a match by title or external id may carry another) and the timestamps. A missing poster
 * counts as equal, because a file exported without images says nothing about posters.
 */
export function sameFilmContent(incoming: ParsedFilm, stored: Film): boolean {
  const completed = completeFilm(
    { ...incoming, id: stored.id, addedAt: stored.addedAt, updatedAt: stored.updatedAt },
    stored.updatedAt,
  );
  if (completed.poster === null) completed.poster = stored.poster;
  return isDeepStrictEqual(completed, stored);
}
