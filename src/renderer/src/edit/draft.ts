import { problemsOf, type Problem } from '../../../shared/contract';
import { deriveSortTitle } from '../../../shared/film';
import { filmInputSchema, type Film, type ParsedFilm } from '../../../shared/film-schema';

/**
 * The film as the editor holds it: the schema's parsed shape (id and timestamps optional, so a new
 * film is one too). The sort title is null while it is the one derived from the title, so renaming
 * "The Work" re-derives it instead of keeping "Work, The".
 */
export type FilmDraft = ParsedFilm;

/** A film from the library, ready to edit. */
export function draftOf(film: Film): FilmDraft {
  return { ...film, sortTitle: film.sortTitle === deriveSortTitle(film.title) ? null : film.sortTitle };
}

/** A new film: every field empty, the title still to be written. */
export function blankDraft(): FilmDraft {
  return { ...filmInputSchema.parse({ title: 'untitled' }), title: '' };
}

/** Deep equality for plain data; unchanged parts of a draft are the same objects, so this is quick. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => sameValue((a as Record<string, unknown>)[key], bRecord[key]));
}

/** The top-level fields that differ between two versions of a film. */
export function changedFields(from: FilmDraft, to: FilmDraft): (keyof FilmDraft)[] {
  const keys = Object.keys(to) as (keyof FilmDraft)[];
  return keys.filter((key) => key !== 'updatedAt' && key !== 'addedAt' && !sameValue(from[key], to[key]));
}

/** The film schema's problems with the draft, each located by its path (`cast[2].person`). */
export function validateDraft(draft: FilmDraft): Problem[] {
  const result = filmInputSchema.safeParse(draft);
  return result.success ? [] : problemsOf(result.error);
}

/** Today in the person's own time zone, as YYYY-MM-DD (what a date input shows). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Empty or blank text is "no value" for an optional field. */
export const optionalText = (text: string): string | null => (text.trim() === '' ? null : text);
