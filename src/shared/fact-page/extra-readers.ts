import {
  providerKinds,
  webUrl,
  type Product,
  type Provider,
  type SimilarFilm,
  type Track,
} from '../film-schema';
import { readSimilarIntro } from './headings';
import {
  groupUnderHeadings,
  hasListMarker,
  joinParagraphs,
  stripListMarker,
  stripQuoteMarks,
  textLines,
  type PageLine,
} from './lines';
import { addCredits, crewFromPerformer } from './people-readers';
import type { ReadContext } from './read-context';
import { appendParagraphs } from './story-readers';
import { parseYear } from './values';

/** Behind the Scenes: one fact a line, without its quote marks. */
export function readTrivia(lines: readonly PageLine[], ctx: ReadContext): void {
  for (const line of textLines(lines)) ctx.film.trivia.push(stripQuoteMarks(stripListMarker(line.text)));
}

const SIMILAR_WITH_YEAR = /^(.+?)\((\d{4})\)\s*(?::\s*(.*))?$/;
const REASON_COLON = /:\s/;

/** "12 Angry Men (1957): For its intense…" → title, year, reason; a colon in the title is kept. */
export function parseSimilarLine(text: string): SimilarFilm | null {
  const line = stripListMarker(text);
  const dated = SIMILAR_WITH_YEAR.exec(line);
  const year = parseYear(dated?.[2] ?? '');
  if (dated?.[1] && year.ok) {
    return { title: dated[1].trim(), year: year.value, reason: dated[3]?.trim() || null, filmId: null };
  }
  const colon = REASON_COLON.exec(line)?.index ?? -1;
  const title = line.slice(0, colon).trim();
  const reason = line.slice(colon + 1).trim();
  if (colon <= 0 || title === '' || reason === '') return null;
  return { title, year: null, reason, filmId: null };
}

/** Similar Movies: the “If you enjoyed…” intro, then one film a line. */
export function readSimilar(lines: readonly PageLine[], ctx: ReadContext): void {
  for (const line of textLines(lines)) {
    if (readSimilarIntro(line.text)) continue;
    const similar = parseSimilarLine(line.text);
    if (similar) ctx.film.similar.push(similar);
    else ctx.unplace(line, 'not a similar-film line like “Title (1957): reason”');
  }
}

/** "The Work (DVD/Blu-ray Special Edition): Own this…" → name (before the first ": ") and description. */
export function parseProductLine(text: string): Product | null {
  const line = stripListMarker(text);
  const cut = line.indexOf(': ');
  if (cut <= 0) {
    return hasListMarker(text) && !line.endsWith(':') ? { name: line, description: null, url: null } : null;
  }
  return { name: line.slice(0, cut).trim(), description: line.slice(cut + 2).trim() || null, url: null };
}

/** Related Products: one product a line. */
export function readProducts(lines: readonly PageLine[], ctx: ReadContext): void {
  for (const line of textLines(lines)) {
    const product = parseProductLine(line.text);
    if (product) ctx.film.products.push(product);
    else ctx.unplace(line, 'not a product line like “Name: description”');
  }
}

const QUOTED_TRACK = /^[“"](.+?)[”"]\s*(.*)$/;
const PERFORMED_BY = /\s[–—-]\s+(?=(?:performed\s+)?by\s)/i;

/** The title and what follows it: `“Title” – …`, or (on a list line) `Title – performed by …`. */
function trackParts(line: string, listed: boolean): [string, string] | null {
  const quoted = QUOTED_TRACK.exec(line);
  if (quoted?.[1]) return [quoted[1], quoted[2] ?? ''];
  const dash = listed ? PERFORMED_BY.exec(line) : null;
  return dash ? [line.slice(0, dash.index), line.slice(dash.index + dash[0].length)] : null;
}

/** `“The Weight of the Past” – performed by Jairus McLeary & Gethin Aldous (…)` → title and performer. */
export function parseTrackLine(text: string): Track | null {
  const parts = trackParts(stripListMarker(text), hasListMarker(text));
  if (!parts) return null;
  const performer = parts[1]
    .replace(/^[–—:-]\s*/, '')
    .replace(/^(?:performed\s+)?by\s+/i, '')
    .trim();
  return { title: parts[0].trim(), performer: performer || null };
}

/** Soundtrack: tracks (directors credited in brackets become crew); other lines are the note. */
export function readSoundtrack(lines: readonly PageLine[], ctx: ReadContext): void {
  const tracks: Track[] = [];
  const notes: PageLine[] = [];
  for (const line of textLines(lines)) {
    const track = parseTrackLine(line.text);
    if (track) tracks.push(track);
    else if (!hasListMarker(line.text)) notes.push(line);
    else ctx.unplace(line, 'not a track line like ““Title” – performed by Name”');
  }
  if (tracks.length === 0 && notes.length === 0) return;
  const soundtrack = (ctx.film.soundtrack ??= { note: null, tracks: [] });
  soundtrack.note = appendParagraphs(soundtrack.note, notes);
  soundtrack.tracks.push(...tracks);
  for (const track of tracks) addCredits(crewFromPerformer(track.performer ?? ''), ctx);
}

/** Known services, longest name first so "Amazon Prime Video" wins over "Prime Video". */
const PROVIDERS = [
  'Amazon Prime Video',
  'Fandango at Home',
  'Criterion Channel',
  'Paramount+',
  'Apple TV+',
  'Prime Video',
  'Google Play',
  'Apple TV',
  'Disney+',
  'YouTube',
  'Netflix',
  'HBO Max',
  'Peacock',
  'Kanopy',
  'Hoopla',
  'iTunes',
  'Hulu',
  'Vudu',
  'Tubi',
  'Pluto TV',
  'MUBI',
  'Shudder',
  'Starz',
  'Showtime',
  'AMC+',
  'BritBox',
  'Crunchyroll',
  'Plex',
  'Redbox',
  'Microsoft Store',
  'Max',
].sort((a, b) => b.length - a.length);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PROVIDER_NAMES = new RegExp(`(?<![\\w+])(?:${PROVIDERS.map(escapeRegExp).join('|')})(?![\\w+])`, 'g');

/** The services a sentence names, in the order it names them. */
export function findProviderNames(text: string): string[] {
  return [...new Set([...text.matchAll(PROVIDER_NAMES)].map((match) => match[0]))];
}

const PROVIDER_LINE = /^([^():]{1,40}?)\s*(?:\((stream|rent|buy)\)\s*)?(?::\s*(\S+))?$/i;

/** "- Netflix (stream): https://…" → a provider: a list line naming a known service or giving its address. */
function parseProviderLine(text: string): Provider | null {
  const match = hasListMarker(text) ? PROVIDER_LINE.exec(stripListMarker(text)) : null;
  const name = match?.[1]?.trim() ?? '';
  const url = match?.[3] ?? null;
  if (!match || !(PROVIDERS.includes(name) || url) || (url !== null && !webUrl.safeParse(url).success))
    return null;
  const kind = providerKinds.find((listed) => listed === match[2]?.toLowerCase()) ?? null;
  return { name, kind, url };
}

/** How to Watch: the paragraph is the note; the services it names (or lists) are the providers. */
export function readWhereToWatch(lines: readonly PageLine[], ctx: ReadContext): void {
  const notes: PageLine[] = [];
  const providers = textLines(lines).flatMap((line) => {
    const listed = parseProviderLine(line.text);
    if (listed) return [listed];
    notes.push(line);
    return findProviderNames(line.text).map((name) => ({ name, kind: null, url: null }));
  });
  if (notes.length === 0 && providers.length === 0) return;
  ctx.film.whereToWatch ??= { note: null, providers: [] };
  const watch = ctx.film.whereToWatch;
  watch.note = appendParagraphs(watch.note, notes);
  for (const provider of providers) {
    const known = watch.providers.some((held) => held.name.toLowerCase() === provider.name.toLowerCase());
    if (!known) watch.providers.push(provider);
  }
}

const QUESTION_PREFIX = /^(?:q|question)\s*[:.]\s*/i;
const ANSWER_PREFIX = /^(?:a|answer)\s*[:.]\s*/i;

/** FAQ: a question line ("…?" or "Q: …") pairs with the answer after it; an answer alone keeps no question. */
export function readFaq(lines: readonly PageLine[], ctx: ReadContext): void {
  let question: PageLine | null = null;
  for (const line of textLines(lines)) {
    const text = stripListMarker(line.text);
    if (QUESTION_PREFIX.test(text) || (text.endsWith('?') && !ANSWER_PREFIX.test(text))) {
      if (question) ctx.unplace(question, 'a question without an answer');
      question = line;
      continue;
    }
    const asked = question ? stripListMarker(question.text).replace(QUESTION_PREFIX, '') : null;
    ctx.film.faq.push({ question: asked, answer: text.replace(ANSWER_PREFIX, '') });
    question = null;
  }
  if (question) ctx.unplace(question, 'a question without an answer');
}

const ADDRESS_LINE = /^https?:\/\/\S+$/i;

/** Bonus Content: a title line, then its description (and address, when one is given). */
export function readBonus(lines: readonly PageLine[], ctx: ReadContext): void {
  for (const { heading, body } of groupUnderHeadings(lines)) {
    if (!heading) {
      for (const line of body) ctx.unplace(line, 'bonus text without a title line above it');
      continue;
    }
    const address = body.find((line) => ADDRESS_LINE.test(line.text) && webUrl.safeParse(line.text).success);
    const description = joinParagraphs(body.filter((line) => line !== address));
    ctx.film.bonus.push({ title: heading.text, description, url: address?.text ?? null });
  }
}

const RATE_BOILERPLATE = /^there are no reviews yet\.?\s*be the first one to write one\.?$/i;

/** ✨ Rate: the site's "no reviews yet" line is not about the film; anything else is reported. */
export function readRate(lines: readonly PageLine[], ctx: ReadContext): void {
  for (const line of textLines(lines)) {
    if (!RATE_BOILERPLATE.test(line.text)) ctx.unplace(line);
  }
}
