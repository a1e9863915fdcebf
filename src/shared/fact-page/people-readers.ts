import type { CastMember, Credit, Quote } from '../film-schema';
import { stripListMarker, textLines, type PageLine } from './lines';
import type { ReadContext } from './read-context';

// No `\s*` right after an open-ended group: that backtracks quadratically on long runs of spaces.
const CAST_WITH_CHARACTER = /^([^():]+)\((.+?)\)\s*(?::\s*(.*))?$/;
const CAST_WITH_DESCRIPTION = /^([^():“”"]{1,80}?)\s*:\s*(.+)$/;
const BARE_NAME = /^[^():;,.!?“”"]{1,60}$/;
const MAX_NAME_WORDS = 8;

const orNull = (text: string | undefined): string | null => text?.trim() || null;

/** "Rob Allbee (Rob Allbee): One of three…" → person, character, description. */
export function parseCastLine(text: string): CastMember | null {
  const line = stripListMarker(text);
  const withCharacter = CAST_WITH_CHARACTER.exec(line);
  if (withCharacter?.[1]) {
    return {
      person: withCharacter[1].trim(),
      character: orNull(withCharacter[2]),
      description: orNull(withCharacter[3]),
    };
  }
  const withDescription = CAST_WITH_DESCRIPTION.exec(line);
  const person = withDescription?.[1] ?? (BARE_NAME.test(line) ? line : null);
  if (!person || person.split(/\s+/).length > MAX_NAME_WORDS) return null;
  return { person: person.trim(), character: null, description: orNull(withDescription?.[2]) };
}

const QUOTE = /^(?:([^:“”"]{1,80}?)\s*:\s*)?[“"](.+?)[”"](?:\s*$|\s*[–—-]\s*(.*)$)/;

/** `Manny: “We’re all locked up…” – An incarcerated man…` → speaker, text, context. */
export function parseQuoteLine(text: string): Quote | null {
  const match = QUOTE.exec(stripListMarker(text));
  if (!match?.[2]) return null;
  return { speaker: orNull(match[1]), text: match[2].trim(), context: orNull(match[3]) };
}

const PERFORMER_ROLES = /^(.+?)\(([^()]+)\)$/;
const DIRECTOR_ROLE = /^directors?$/i;

/**
 * "Jairus McLeary & Gethin Aldous (Directors/Sound Design)" → each named director credited with
 * the other roles in the brackets (here "Sound Design").
 */
export function crewFromPerformer(performer: string): Credit[] {
  const match = PERFORMER_ROLES.exec(performer.trim());
  const roles = match?.[2]?.split('/').map((role) => role.trim()) ?? [];
  if (!match?.[1] || !roles.some((role) => DIRECTOR_ROLE.test(role))) return [];
  const jobs = roles.filter((role) => role !== '' && !DIRECTOR_ROLE.test(role));
  const people = match[1]
    .split(/,|\s&\s|\sand\s/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return people.flatMap((person) => jobs.map((job) => ({ person, job })));
}

/** Adds credits the film does not hold yet. */
export function addCredits(credits: readonly Credit[], ctx: ReadContext): void {
  for (const credit of credits) {
    const known = ctx.film.crew.some((held) => held.person === credit.person && held.job === credit.job);
    if (!known) ctx.film.crew.push(credit);
  }
}

/** Cast & Characters: one member a line, billing order kept. */
export function readCast(lines: readonly PageLine[], ctx: ReadContext): void {
  for (const line of textLines(lines)) {
    const member = parseCastLine(line.text);
    if (member) ctx.film.cast.push(member);
    else ctx.unplace(line, 'not a cast line like “Name (Character): description”');
  }
}

/** Memorable Quotes: one quote a line. */
export function readQuotes(lines: readonly PageLine[], ctx: ReadContext): void {
  for (const line of textLines(lines)) {
    const quote = parseQuoteLine(line.text);
    if (quote) ctx.film.quotes.push(quote);
    else ctx.unplace(line, 'not a quote line like `Speaker: “quote” – context`');
  }
}
