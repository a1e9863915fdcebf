/**
 * The address a link may point at: an http or https URL, parsed (never pattern-matched), or null.
 * Everything else a record might hold (javascript:, data:, file:, relative text) stays plain text.
 */
export function webAddress(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

const POSTER_DATA_URL = /^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/]+={0,2}$/;

/** A poster the sheet may show: only an inline image (`data:` URL), so a sheet never loads from outside. */
export function posterSource(poster: string | null): string | null {
  return poster !== null && POSTER_DATA_URL.test(poster) ? poster : null;
}
