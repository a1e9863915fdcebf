/**
 * Posters reach the window through Filmfolio's own scheme, never as files or remote addresses:
 * `filmfolio-poster://film/<film id>`. The main process serves only posters from the open library
 * (src/main/poster-protocol.ts), and the window's CSP allows images from this scheme.
 */
export const POSTER_SCHEME = 'filmfolio-poster';
/** The one host the scheme answers to: a poster is addressed by its film. */
export const POSTER_HOST = 'film';

/** The address of a film's poster, for an `<img src>`. */
export function posterAddress(filmId: string): string {
  return `${POSTER_SCHEME}://${POSTER_HOST}/${encodeURIComponent(filmId)}`;
}
