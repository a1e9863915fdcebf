import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { fileSize } from '../../shared/file-size';
import { decodePoster, encodePoster, prepared } from './film-rows';
import { filmKey, FilmNotFoundError } from './films';

type Sqlite = Database.Database;

/**
 * Poster checks on the main side. Main has no image decoder, so the window scales large images
 * down (a canvas) before saving; here the bytes are checked to be what they claim, and not huge.
 */

/** The largest poster kept: the window scales far below this; it stops a file slipping through whole. */
export const MAX_POSTER_BYTES = 8 * 1024 * 1024;
/** The largest grid thumbnail kept. */
export const MAX_THUMBNAIL_BYTES = 512 * 1024;

const SIGNATURES: Record<string, (bytes: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => /^GIF8[79]a$/.test(b.subarray(0, 6).toString('latin1')),
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

/**
 * What is wrong with a poster `data:` URL, or null when it is fine: an image type Filmfolio keeps,
 * bytes that really are that type, and no larger than `maxBytes`.
 */
export function posterProblem(dataUrl: string, maxBytes = MAX_POSTER_BYTES): string | null {
  if (!/^data:image\/[a-z]+;base64,/.test(dataUrl))
    return 'the poster must be a base64 data: URL of an image';
  const { mediaType, bytes } = decodePoster(dataUrl);
  const matches = SIGNATURES[mediaType];
  if (!matches) return `a ${mediaType} poster cannot be kept; use a PNG, JPEG, WebP or GIF image`;
  if (!matches(bytes))
    return `the poster says it is ${mediaType} but its bytes are not; choose the image file again`;
  if (bytes.length > maxBytes) {
    return `the poster is ${fileSize(bytes.length)}, more than ${fileSize(maxBytes)}; choose a smaller image`;
  }
  return null;
}

/** Throws a poster problem as an error a person can act on; returns the input when fine. */
export function checkedPoster<T extends { poster?: string | null; title?: string }>(film: T): T {
  const problem = film.poster ? posterProblem(film.poster) : null;
  if (problem) throw new Error(`Poster of “${film.title ?? 'this film'}”: ${problem}.`);
  return film;
}

const digestOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function posterBytes(sqlite: Sqlite, key: number): Buffer | undefined {
  return prepared(sqlite, 'SELECT data FROM film_posters WHERE film_key = ?').pluck().get(key) as
    Buffer | undefined;
}

/** Stores a grid thumbnail made in the window for the film's current poster. */
export function savePosterThumbnail(sqlite: Sqlite, filmId: string, thumbnail: string): void {
  const key = filmKey(sqlite, filmId);
  if (key === undefined) throw new FilmNotFoundError(filmId);
  const problem = posterProblem(thumbnail, MAX_THUMBNAIL_BYTES);
  if (problem) throw new Error(`Thumbnail: ${problem}.`);
  const poster = posterBytes(sqlite, key);
  if (!poster) throw new Error('The film has no poster to make a thumbnail of; save the poster first.');
  const { mediaType, bytes } = decodePoster(thumbnail);
  prepared(
    sqlite,
    `INSERT INTO film_poster_thumbnails (film_key, poster_digest, media_type, data) VALUES (?, ?, ?, ?)
     ON CONFLICT (film_key) DO UPDATE SET poster_digest = excluded.poster_digest,
       media_type = excluded.media_type, data = excluded.data`,
  ).run(key, digestOf(poster), mediaType, bytes);
}

/**
 * The film's grid thumbnail as a data: URL, or null when there is none for its current poster
 * (then the poster itself is the one to show).
 */
export function posterThumbnail(sqlite: Sqlite, filmId: string): string | null {
  const key = filmKey(sqlite, filmId);
  if (key === undefined) return null;
  const row = prepared(
    sqlite,
    'SELECT poster_digest, media_type, data FROM film_poster_thumbnails WHERE film_key = ?',
  ).get(key) as { poster_digest: string; media_type: string; data: Buffer } | undefined;
  const poster = row ? posterBytes(sqlite, key) : undefined;
  if (!row || !poster || digestOf(poster) !== row.poster_digest) return null;
  return encodePoster(row.media_type, row.data);
}
