import type { Film } from '../../shared/film-schema';
import type { Library } from '../../main/library';
import type { CliCommand } from '../args';
import { findFilm } from '../find-films';
import { EXIT, type CliIo, type ExitStatus } from '../io';

type ShowCommand = Extract<CliCommand, { name: 'show' }>;

const list = (values: readonly string[]) => values.join(', ');

/** The facts a person looks for first, one per line; `--json` has everything. */
function readable(film: Film): string {
  const lines: [string, string | null][] = [
    ['Id', film.id],
    ['Original title', film.originalTitle],
    ['Directors', list(film.directors)],
    ['Genres', list(film.genres)],
    ['Runtime', film.runtimeMinutes === null ? null : `${film.runtimeMinutes} min`],
    [
      'Ratings',
      film.ratings
        .map((r) => `${r.source} ${r.value}/${r.scale}${r.votes === null ? '' : ` (${r.votes} votes)`}`)
        .join('; '),
    ],
    ['Cast', film.cast.map((c) => (c.character ? `${c.person} (${c.character})` : c.person)).join(', ')],
    [
      'Copies',
      film.copies.map((c) => [c.medium, c.edition, c.location].filter(Boolean).join(', ')).join('; '),
    ],
    ['Tags', list(film.tags)],
    ['Seen', film.watched.length > 0 ? `${film.watched.length} time(s)` : null],
    ['Your rating', film.userRating === null ? null : `${film.userRating}/10`],
    ['Quip', film.quip],
    ['Notes', film.notes],
  ];
  const heading = `${film.title}${film.year === null ? '' : ` (${film.year})`}`;
  const facts = lines.filter(([, value]) => value).map(([label, value]) => `${label}: ${value}`);
  return `${heading}\n${facts.join('\n')}\n`;
}

/** `filmfolio show`: one film, readable, or with `--json` the whole record as in a library file. */
export function showCommand(library: Library, command: ShowCommand, io: CliIo): ExitStatus {
  const film = findFilm(library, command.film);
  if (command.json) io.out(`${JSON.stringify(film, null, 2)}\n`);
  else io.out(readable(film));
  return EXIT.ok;
}
