import { FILM_KEYS } from '../../../shared/film';
import { LIBRARY_FORMAT, LIBRARY_VERSION, type Film } from '../../../shared/film-schema';

/**
 * The canonical text of a library file, written in pieces so it can be streamed: exactly what
 * `JSON.stringify({format, version, exportedAt, films}, null, 2)` gives, plus a final newline.
 * JSON.stringify's numbers are already canonical (shortest form that reads back the same double).
 */

const FILM_INDENT = '    ';

/** The start of the file, up to the films; an empty library closes its list at once. */
export function libraryHeader(exportedAt: string | null, filmCount: number): string {
  const envelope: Record<string, unknown> = { format: LIBRARY_FORMAT, version: LIBRARY_VERSION };
  if (exportedAt !== null) envelope.exportedAt = exportedAt;
  const head = JSON.stringify(envelope, null, 2).slice(0, -2);
  return `${head},\n  "films": ${filmCount === 0 ? '[]' : '[\n'}`;
}

/** The end of the file. */
export function libraryFooter(filmCount: number): string {
  return filmCount === 0 ? '\n}\n' : '\n  ]\n}\n';
}

/** One film at its place in the list: keys in the record's order, indented, no separator. */
export function filmText(film: Film): string {
  const ordered = Object.fromEntries(FILM_KEYS.map((key) => [key, film[key]]));
  return FILM_INDENT + JSON.stringify(ordered, null, 2).replace(/\n/g, `\n${FILM_INDENT}`);
}
