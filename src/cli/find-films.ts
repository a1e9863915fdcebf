import type { Film } from '../shared/film-schema';
import type { Library } from '../main/library';
import { prepared } from '../main/library/film-rows';
import { titleYearKey } from '../main/library/transfer/duplicates';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TITLE_WITH_YEAR = /^(.*\S)\s+\((\d{4})\)$/;

type TitleRow = { id: string; title: string; year: number | null };

/** A film the CLI was asked for that is not there, or not only once; the message says what to type. */
export class FilmLookupError extends Error {}

const describe = (row: TitleRow) => `${row.id}  ${row.title}${row.year === null ? '' : ` (${row.year})`}`;

/**
 * Finds one film by id, by title (ignoring case), or by "Title (year)". Several films with the
 * title is an error that lists them, so the person can pick by id.
 */
export function findFilm(library: Library, wanted: string): Film {
  if (UUID.test(wanted)) {
    const film = library.get(wanted.toLowerCase());
    if (!film) throw new FilmLookupError(`No film with id ${wanted} is in ${library.path}.`);
    return film;
  }
  const withYear = TITLE_WITH_YEAR.exec(wanted);
  const rows = prepared(
    library.sqlite,
    'SELECT id, title, year FROM films WHERE deleted_at IS NULL ORDER BY sort_title, year, id',
  ).all() as TitleRow[];
  const titleKey = (title: string) => titleYearKey(title, null);
  let matches = rows.filter((row) => titleKey(row.title) === titleKey(wanted));
  if (matches.length === 0 && withYear) {
    const [, title, year] = withYear as unknown as [string, string, string];
    matches = rows.filter((row) => titleKey(row.title) === titleKey(title) && row.year === Number(year));
  }
  if (matches.length === 0) {
    throw new FilmLookupError(
      `No film titled “${wanted}” is in ${library.path}. Try: filmfolio list --search "${wanted}"`,
    );
  }
  if (matches.length > 1) {
    throw new FilmLookupError(
      `${matches.length} films are titled “${wanted}”; name one by id or as “Title (year)”:\n${matches.map(describe).join('\n')}`,
    );
  }
  return library.get((matches[0] as TitleRow).id) as Film;
}
