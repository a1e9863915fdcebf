import type { AudienceReaction, Award, CriticReview, PersonalReview } from '../film-schema';
import { stripListMarker, stripQuoteMarks, textLines, type PageLine } from './lines';
import type { ReadContext } from './read-context';
import { appendParagraphs } from './story-readers';
import { parseYear } from './values';

const CONSENSUS = /^(?:overall\s+)?consensus\s*:\s*(.*)$/i;

/** "Overall Consensus: …", wherever in the reviews it stands; false for other lines. */
function readConsensus(line: PageLine, ctx: ReadContext): boolean {
  const match = CONSENSUS.exec(stripListMarker(line.text));
  if (!match) return false;
  const consensus = match[1]?.trim() ?? '';
  if (consensus === '') ctx.unplace(line, 'the consensus line is empty');
  else if (!ctx.claim('consensus')) ctx.unplace(line, 'a second consensus; the first one was kept');
  else ctx.film.consensus = consensus;
  return true;
}

/** Reads each line with `readLine`, after the consensus; lines it refuses are reported. */
function readEachLine(
  lines: readonly PageLine[],
  ctx: ReadContext,
  readLine: (line: PageLine) => boolean,
  expected: string,
): void {
  for (const line of textLines(lines)) {
    if (!readConsensus(line, ctx) && !readLine(line)) ctx.unplace(line, `not ${expected}`);
  }
}

/** "💥 The Work Reviews" itself: only a consensus line can stand here before the sub-parts. */
export function readReviews(lines: readonly PageLine[], ctx: ReadContext): void {
  readEachLine(
    lines,
    ctx,
    () => false,
    'part of a review section (“Personal Review”, “Professional Reviews”…)',
  );
}

const WHO_WOULD_ENJOY =
  /^who (?:would|will|should|might) (?:enjoy|like)(?: (?:it|this(?: film| movie)?))?\s*:?$/i;
const CONTENT_WARNINGS = /^content warnings?[\s\p{Extended_Pictographic}\uFE0F]*:?$/iu;

type PersonalReviewPart = 'text' | 'audience' | 'contentWarnings';

function personalReviewOf(ctx: ReadContext): PersonalReview {
  ctx.film.personalReview ??= { text: null, audience: [], contentWarnings: [] };
  return ctx.film.personalReview;
}

function addToPersonalReview(review: PersonalReview, part: PersonalReviewPart, line: PageLine): void {
  if (part === 'text') review.text = appendParagraphs(review.text, [line]);
  else review[part].push(stripQuoteMarks(stripListMarker(line.text)));
}

/** Personal Review: its paragraphs, then “Who would enjoy:” and “Content warnings ⚠:” lists. */
export function readPersonalReview(lines: readonly PageLine[], ctx: ReadContext): void {
  let part: PersonalReviewPart = 'text';
  for (const line of textLines(lines)) {
    const bare = stripListMarker(line.text);
    if (readConsensus(line, ctx)) continue;
    if (WHO_WOULD_ENJOY.test(bare)) part = 'audience';
    else if (CONTENT_WARNINGS.test(bare)) part = 'contentWarnings';
    else addToPersonalReview(personalReviewOf(ctx), part, line);
  }
}

const CRITIC_REVIEW = /^([^:“”"]{1,80}?)\s*:\s*(.+)$/;
const OUTLET_SCORE = /^(.+?)\s*\(([^()]*\d[^()]*)\)$/;

/** `FilmCritique Today: “‘The Work’ is…` → outlet and text (the page's texts never close their quote). */
export function parseCriticReviewLine(text: string): CriticReview | null {
  const match = CRITIC_REVIEW.exec(stripListMarker(text));
  if (!match?.[1] || !match[2]) return null;
  const scored = OUTLET_SCORE.exec(match[1]);
  return {
    outlet: (scored?.[1] ?? match[1]).trim(),
    text: stripQuoteMarks(match[2].trim()),
    url: null,
    score: scored?.[2]?.trim() ?? null,
  };
}

/** Professional Reviews: one “Outlet: text” a line. */
export function readCriticReviews(lines: readonly PageLine[], ctx: ReadContext): void {
  readEachLine(
    lines,
    ctx,
    (line) => {
      const review = parseCriticReviewLine(line.text);
      if (review) ctx.film.criticReviews.push(review);
      return review !== null;
    },
    'a review line like “Outlet: text”',
  );
}

/** "Viewers were deeply moved….: The film’s…" → headline (its period kept) and detail. */
export function parseAudienceReactionLine(text: string): AudienceReaction {
  const line = stripListMarker(text);
  const afterPeriod = line.indexOf('.: ');
  const cut = afterPeriod >= 0 ? afterPeriod + 1 : line.indexOf(': ');
  if (cut <= 0) return { headline: line, detail: null };
  return { headline: line.slice(0, cut).trim(), detail: line.slice(cut + 1).trim() || null };
}

/** Audience Reactions: one “headline: detail” a line. */
export function readAudienceReactions(lines: readonly PageLine[], ctx: ReadContext): void {
  readEachLine(
    lines,
    ctx,
    (line) => {
      ctx.film.audienceReactions.push(parseAudienceReactionLine(line.text));
      return true;
    },
    'an audience reaction',
  );
}

const RESULT_WORD = /^(?:won|winner|win|nominated|nominee|nomination)$/i;
const TRAILING_YEAR = /\d{4}$/;

/** "Festival (Award)- 2017" → "Festival (Award)" and "2017"; read with string steps, not one regex that backtracks. */
function splitTrailingYear(line: string): { rest: string; yearText: string } {
  if (!TRAILING_YEAR.test(line)) return { rest: line, yearText: '' };
  const rest = line.slice(0, -4).trimEnd();
  return { rest: rest.replace(/[-–—,:]$/, '').trimEnd(), yearText: line.slice(-4) };
}

/** "SXSW Film Festival (Grand Jury Prize, Documentary Feature Competition)- 2017" → an award, won. */
export function parseAwardLine(text: string): Award | null {
  const line = stripListMarker(text);
  const { rest, yearText } = splitTrailingYear(line);
  const open = rest.endsWith(')') ? rest.indexOf('(') : -1;
  const event = (open >= 0 ? rest.slice(0, open) : rest).trim();
  const inner = open >= 0 ? rest.slice(open + 1, -1).trim() : '';
  const innerYear = yearText === '' && /^\d{4}$/.test(inner);
  if (event === '' || (yearText === '' && open < 0)) return null;
  const year = parseYear(innerYear ? inner : yearText);
  if (!year.ok) return null;
  const category = innerYear ? null : awardCategory(inner);
  return { event, category, year: year.value, result: /nominat/i.test(line) ? 'nominated' : 'won' };
}

/** "Best Documentary, Nominated" → "Best Documentary": the result is its own field. */
function awardCategory(inner: string): string | null {
  const parts = inner.split(',').map((part) => part.trim());
  if (!parts.some((part) => RESULT_WORD.test(part))) return inner || null;
  return parts.filter((part) => !RESULT_WORD.test(part)).join(', ') || null;
}

/** Awards: one award a line. */
export function readAwards(lines: readonly PageLine[], ctx: ReadContext): void {
  readEachLine(
    lines,
    ctx,
    (line) => {
      const award = parseAwardLine(line.text);
      if (award) ctx.film.awards.push(award);
      return award !== null;
    },
    'an award line like “Festival (Award, Category)- 2017”',
  );
}
