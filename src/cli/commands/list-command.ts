import type { FilmSummary } from '../../shared/browse';
import type { Library } from '../../main/library';
import type { CliCommand } from '../args';
import { EXIT, type CliIo, type ExitStatus } from '../io';

type ListCommand = Extract<CliCommand, { name: 'list' }>;

const PAGE = 500;

/** Every film the search finds, page by page (browse pages are capped). */
function allSummaries(library: Library, command: ListCommand): FilmSummary[] {
  const films: FilmSummary[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = library.list({
      search: command.search ?? '',
      sort: command.sort,
      descending: command.descending,
      offset,
      limit: PAGE,
    });
    films.push(...page.films);
    if (films.length >= page.total || page.films.length === 0) return films;
  }
}

function line(film: FilmSummary): string {
  const year = film.year === null ? '    ' : String(film.year);
  const directors = film.directors.length > 0 ? `  — ${film.directors.join(', ')}` : '';
  return `${film.id}  ${year}  ${film.title}${directors}`;
}

/** `filmfolio list`: one line per film (id, year, title, directors), or JSON summaries. */
export function listCommand(library: Library, command: ListCommand, io: CliIo): ExitStatus {
  const films = allSummaries(library, command);
  if (command.json) io.out(`${JSON.stringify(films, null, 2)}\n`);
  else if (films.length > 0) io.out(`${films.map(line).join('\n')}\n`);
  if (!command.json) io.err(`${films.length} film${films.length === 1 ? '' : 's'}\n`);
  return EXIT.ok;
}
