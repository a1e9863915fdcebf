import type { PageLine } from './lines';

/** The parts of a fact page, one per heading. */
export type SectionKind =
  | 'overview'
  | 'quip'
  | 'synopsis'
  | 'spoilers'
  | 'cast'
  | 'quotes'
  | 'boxOffice'
  | 'reviews'
  | 'personalReview'
  | 'criticReviews'
  | 'audienceReactions'
  | 'awards'
  | 'trivia'
  | 'whereToWatch'
  | 'similar'
  | 'products'
  | 'soundtrack'
  | 'faq'
  | 'bonus'
  | 'rate'
  | 'unknown';

/** A recognised heading; `title` is the film title when the heading names it. */
export type SectionHeading = { kind: SectionKind; title: string | null };

/**
 * The headings, first match wins (so "Professional Reviews" is the critics' part, not the
 * reviews of a film called "Professional"). A capture group holds the film's title.
 */
const HEADINGS: [SectionKind, RegExp][] = [
  ['overview', /^quick overview$/i],
  ['quip', /^plot summary(?:\s*[-–—:]\s*badly explained)?$/i],
  ['synopsis', /^(?:(.+?)\s*[:–—-]\s*)?(?:detailed )?(?:plot )?synopsis$/i],
  ['spoilers', /^(?:spoilers(?:\s+(?:and|&)\s+ending explained)?|ending explained)$/i],
  ['cast', /^cast(?:\s+(?:&|and)\s+characters)?$/i],
  ['quotes', /^(?:memorable\s+)?quotes$/i],
  ['boxOffice', /^box office$/i],
  ['personalReview', /^personal review$/i],
  ['criticReviews', /^(?:professional|critics?['’]?)\s+reviews$/i],
  ['audienceReactions', /^audience reactions$/i],
  ['reviews', /^(?:(?!(?:audience|user|viewer|fan|our|more|latest|top)\s+reviews$)(.+?)\s+)?reviews$/i],
  ['awards', /^awards(?:\s+(?:&|and)\s+nominations)?$/i],
  ['trivia', /^(?:behind the scenes|trivia)$/i],
  ['whereToWatch', /^(?:how|where) to watch(?:\s+(.+?))?\s*\??$/i],
  ['similar', /^similar (?:movies|films)$/i],
  ['products', /^(?:(.+?)\s+)?related products$/i],
  ['soundtrack', /^soundtrack$/i],
  ['faq', /^(?:faq|frequently asked questions)$/i],
  ['bonus', /^bonus(?: content)?$/i],
  ['rate', /^rate$/i],
];

/** Emoji with their variation selectors, joiners and keycaps, and the spaces after them. */
const LEADING_EMOJI =
  /^(?:[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\uFE0E\uFE0F\s]|\u200D|\u20E3)+/u;
const STARTS_WITH_EMOJI = /^\p{Extended_Pictographic}/u;
const MAX_HEADING_CHARS = 150;

/** "🍿 The Work: Detailed Plot Synopsis" → "The Work: Detailed Plot Synopsis". */
export function headingText(line: string): string {
  if (line.length > MAX_HEADING_CHARS * 2) return line;
  const bare = line
    .replace(LEADING_EMOJI, '')
    .replace(/^#+\s*/, '')
    .replace(/^\*\*(.*)\*\*$/, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return bare.endsWith(':') ? bare.slice(0, -1).trimEnd() : bare;
}

/**
 * The heading a line is, with or without its emoji; an emoji line that names no known part is
 * an `unknown` heading (its lines are reported, not guessed at); null for any other line.
 */
export function readSectionHeading(line: string): SectionHeading | null {
  const text = headingText(line);
  if (text === '' || text.length > MAX_HEADING_CHARS) return null;
  for (const [kind, pattern] of HEADINGS) {
    const match = pattern.exec(text);
    if (match) return { kind, title: match[1]?.trim() || null };
  }
  return STARTS_WITH_EMOJI.test(line) ? { kind: 'unknown', title: null } : null;
}

const SIMILAR_INTRO = /^if you (?:enjoyed|liked|loved) (.+?),\s*you (?:might|may|will|’ll|'ll)\b.*$/i;

/** "If you enjoyed The Work, you might like these similar films:" → "The Work". */
export function readSimilarIntro(line: string): string | null {
  return SIMILAR_INTRO.exec(line)?.[1]?.trim() ?? null;
}

/** The film title the page names, and any other titles its headings name. */
export type TitleFinding = { title: string | null; otherTitles: string[] };

/** The title most headings agree on; on a tie, the one named first. */
export function findFilmTitle(lines: readonly PageLine[]): TitleFinding {
  const counts = new Map<string, { title: string; count: number }>();
  for (const line of lines) {
    const title = readSectionHeading(line.text)?.title ?? readSimilarIntro(line.text);
    if (!title) continue;
    const key = title.toLocaleLowerCase();
    const seen = counts.get(key);
    counts.set(key, { title: seen?.title ?? title, count: (seen?.count ?? 0) + 1 });
  }
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count);
  return { title: ranked[0]?.title ?? null, otherTitles: ranked.slice(1).map((entry) => entry.title) };
}
