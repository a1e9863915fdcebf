import { webUrl, type Money } from '../film-schema';
import { uniqueIgnoringCase } from '../film';
import { stripListMarker, textLines, type PageLine } from './lines';
import type { FilmDraft, ReadContext } from './read-context';
import { parseMoney, parseRating, parseRuntime, parseYear, type ValueResult } from './values';

/** "- Director: Jairus McLeary, Gethin Aldous" → label "Director", value "Jairus McLeary, Gethin Aldous". */
export type LabelledLine = { label: string; value: string };

const LABELLED = /^([^:]{1,40}?)\s*:\s*(.*)$/;

export function readLabelledLine(text: string): LabelledLine | null {
  const match = LABELLED.exec(stripListMarker(text));
  return match ? { label: match[1] ?? '', value: (match[2] ?? '').trim() } : null;
}

/** "Runtime (length)" → "runtime". */
const labelKey = (label: string): string =>
  label
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Writes a value into the draft; returns an error to report, or null when it was placed. */
type FieldWriter = (value: string, film: FilmDraft) => string | null;

/** "Jairus McLeary, Gethin Aldous" → two names; "&", "and" and ";" separate names too. */
const splitNames = (value: string): string[] => splitList(value, /,|;|\s&\s|\sand\s/);
/** "Documentary, Biography" → two genres; "/" and "|" separate genres too. */
const splitGenres = (value: string): string[] => splitList(value, /[,/|]/);

function splitList(value: string, separator: RegExp): string[] {
  return value
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

const writeList =
  (field: 'directors' | 'genres', split: (value: string) => string[]): FieldWriter =>
  (value, film) => {
    film[field] = uniqueIgnoringCase([...film[field], ...split(value)]);
    return null;
  };

function writeValue<T>(result: ValueResult<T>, write: (value: T) => void): string | null {
  if (!result.ok) return result.error;
  write(result.value);
  return null;
}

const writeMoney =
  (field: 'budget' | 'domestic' | 'worldwide'): FieldWriter =>
  (value, film) =>
    writeValue<Money | null>(parseMoney(value), (money) => {
      film.boxOffice[field] = money;
    });

const FIELD_WRITERS: Record<string, { field: string; write: FieldWriter }> = {};
const register = (labels: string[], field: string, write: FieldWriter): void => {
  for (const label of labels) FIELD_WRITERS[label] = { field, write };
};

register(['director', 'directors', 'directed by'], 'directors', writeList('directors', splitNames));
register(['genre', 'genres'], 'genres', writeList('genres', splitGenres));
register(['release year', 'year', 'released', 'release date'], 'year', (value, film) =>
  writeValue(parseYear(value), (year) => {
    film.year = year;
  }),
);
register(['runtime', 'length', 'running time', 'duration'], 'runtimeMinutes', (value, film) =>
  writeValue(parseRuntime(value), (minutes) => {
    film.runtimeMinutes = minutes;
  }),
);
register(['original title'], 'originalTitle', (value, film) => {
  film.originalTitle = value === '' ? null : value;
  return null;
});
register(['budget'], 'budget', writeMoney('budget'));
register(['domestic gross', 'domestic', 'domestic box office'], 'domestic', writeMoney('domestic'));
register(['worldwide gross', 'worldwide', 'worldwide box office'], 'worldwide', writeMoney('worldwide'));

const RATING_SOURCES: Record<string, string> = {
  imdb: 'IMDb',
  'imdb rating': 'IMDb',
  'rotten tomatoes': 'Rotten Tomatoes',
  'rotten tomatoes rating': 'Rotten Tomatoes',
  tomatometer: 'Rotten Tomatoes',
  metacritic: 'Metacritic',
  metascore: 'Metacritic',
  letterboxd: 'Letterboxd',
  tmdb: 'TMDb',
};

/** "IMDb rating" → "IMDb"; "Kinopoisk rating" → "Kinopoisk"; other labels → null. */
export function ratingSource(label: string): string | null {
  const key = labelKey(label);
  return RATING_SOURCES[key] ?? /^(.+?)\s+rating$/i.exec(label.trim())?.[1] ?? null;
}

const writeRating =
  (source: string): FieldWriter =>
  (value, film) =>
    writeValue(parseRating(value), (rating) => {
      if (rating) film.ratings.push({ source, ...rating });
    });

/** True for a label the overview or box office knows ("Director", "IMDb rating", "Budget"…). */
export function isKnownLabel(label: string): boolean {
  return FIELD_WRITERS[labelKey(label)] !== undefined || ratingSource(label) !== null;
}

function writerFor(label: string): { field: string; write: FieldWriter } | null {
  const known = FIELD_WRITERS[labelKey(label)];
  if (known) return known;
  const source = ratingSource(label);
  return source ? { field: `rating:${source.toLowerCase()}`, write: writeRating(source) } : null;
}

const TRAILER = /^trailer(?:\s*:\s*(.*))?$/i;

/** "Trailer" (or "Trailer: https://…"): the trailer link. */
function readTrailer(line: PageLine, ctx: ReadContext): boolean {
  const match = TRAILER.exec(stripListMarker(line.text));
  if (!match) return false;
  const address = match[1]?.trim() ?? '';
  if (address !== '' && !webUrl.safeParse(address).success) {
    ctx.unplace(line, `the trailer address “${address}” is not an http or https address`);
  } else if (!ctx.claim('trailer')) {
    ctx.unplace(line, 'a second trailer line; the first one was kept');
  } else {
    ctx.film.trailer = { label: 'Trailer', url: address === '' ? null : address };
  }
  return true;
}

/** One labelled line ("Budget: Unknown"); false when the label is not one the page uses. */
export function readLabelled(line: PageLine, ctx: ReadContext): boolean {
  const labelled = readLabelledLine(line.text);
  const writer = labelled ? writerFor(labelled.label) : null;
  if (!labelled || !writer) return false;
  if (!ctx.claim(writer.field)) {
    ctx.unplace(line, `“${labelled.label}” is given twice; the first one was kept`);
    return true;
  }
  const error = writer.write(labelled.value, ctx.film);
  if (error) ctx.unplace(line, `${labelled.label}: ${error}`);
  return true;
}

/** Quick Overview and Box Office: the trailer and labelled lines. */
export function readOverview(lines: readonly PageLine[], ctx: ReadContext): void {
  for (const line of textLines(lines)) {
    if (!readTrailer(line, ctx) && !readLabelled(line, ctx)) ctx.unplace(line);
  }
}
