import type { SectionKind } from './headings';
import type { PageLine } from './lines';
import { readOverview } from './overview-reader';
import { readCast, readQuotes } from './people-readers';
import type { ReadContext } from './read-context';
import {
  readAudienceReactions,
  readAwards,
  readCriticReviews,
  readPersonalReview,
  readReviews,
} from './review-readers';
import { readQuip, readSpoilers, readSynopsis } from './story-readers';
import {
  readBonus,
  readFaq,
  readProducts,
  readRate,
  readSimilar,
  readSoundtrack,
  readTrivia,
  readWhereToWatch,
} from './extra-readers';

/** Reads the lines under one heading (the heading itself excluded) into the film. */
export type SectionReader = (lines: readonly PageLine[], ctx: ReadContext) => void;

/** A part whose heading the parser does not know: every line is reported, none guessed at. */
const readUnknown: SectionReader = (lines, ctx) => {
  for (const line of lines) if (line.text !== '') ctx.unplace(line);
};

/** One reader per part of the page. */
export const SECTION_READERS: Record<SectionKind, SectionReader> = {
  overview: readOverview,
  quip: readQuip,
  synopsis: readSynopsis,
  spoilers: readSpoilers,
  cast: readCast,
  quotes: readQuotes,
  boxOffice: readOverview,
  reviews: readReviews,
  personalReview: readPersonalReview,
  criticReviews: readCriticReviews,
  audienceReactions: readAudienceReactions,
  awards: readAwards,
  trivia: readTrivia,
  whereToWatch: readWhereToWatch,
  similar: readSimilar,
  products: readProducts,
  soundtrack: readSoundtrack,
  faq: readFaq,
  bonus: readBonus,
  rate: readRate,
  unknown: readUnknown,
};
