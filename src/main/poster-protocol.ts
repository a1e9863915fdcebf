import type Database from 'better-sqlite3';
import { POSTER_HOST, POSTER_SCHEME } from '../shared/poster-address';

/**
 * The `filmfolio-poster:` scheme: answers `filmfolio-poster://film/<film id>` with that film's
 * poster from the open library, and nothing else — no files, no other tables, no other hosts.
 */

/** Registered as privileged before the app is ready: a standard, secure scheme, and no more. */
export const POSTER_SCHEME_PRIVILEGES = {
  scheme: POSTER_SCHEME,
  privileges: { standard: true, secure: true },
} as const;

/** The image types a poster may be (the film schema admits only these). */
export const POSTER_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
]);

const FILM_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type StoredPoster = { mediaType: string; bytes: Uint8Array };
export type PosterRequest = { url: string; method: string };

/** The poster stored for the film with this id, or undefined. */
export function readPoster(sqlite: Database.Database, filmId: string): StoredPoster | undefined {
  const row = sqlite
    .prepare(
      `SELECT p.media_type AS mediaType, p.data AS bytes
         FROM film_posters p JOIN films f ON f.key = p.film_key
        WHERE f.id = ?`,
    )
    .get(filmId) as StoredPoster | undefined;
  return row;
}

/** The film id a poster address names, or null when the address is anything but `filmfolio-poster://film/<uuid>`. */
export function filmIdOfPosterUrl(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== `${POSTER_SCHEME}:` || url.hostname !== POSTER_HOST) return null;
  if (url.username || url.password || url.port || url.search || url.hash) return null;
  const id = url.pathname.replace(/^\//, '');
  return FILM_ID.test(id) ? id : null;
}

function plain(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

/** Answers one request to the scheme; `read` looks the poster up in the library open now. */
export function posterResponse(
  request: PosterRequest,
  read: (filmId: string) => StoredPoster | undefined,
): Response {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Posters can only be read.');
  const filmId = filmIdOfPosterUrl(request.url);
  if (!filmId) return plain(400, 'A poster address is filmfolio-poster://film/<film id>.');
  let poster: StoredPoster | undefined;
  try {
    poster = read(filmId);
  } catch {
    return plain(500, 'The library could not be read.');
  }
  if (!poster) return plain(404, 'This film has no poster.');
  if (!POSTER_MEDIA_TYPES.has(poster.mediaType))
    return plain(415, 'This poster is not an image type Filmfolio shows.');
  return new Response(request.method === 'HEAD' ? null : Buffer.from(poster.bytes), {
    status: 200,
    headers: {
      'Content-Type': poster.mediaType,
      'Content-Length': String(poster.bytes.byteLength),
      'X-Content-Type-Options': 'nosniff',
      // A poster changes when its film is edited: the window asks again rather than keep a stale one.
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': "default-src 'none'",
    },
  });
}
