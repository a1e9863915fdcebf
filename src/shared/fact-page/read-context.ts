import type { ParsedFilm } from '../film-schema';
import type { PageLine } from './lines';

/** The film as the parser fills it in; the title is found before and added at the end. */
export type FilmDraft = Omit<ParsedFilm, 'id' | 'title' | 'sortTitle' | 'addedAt' | 'updatedAt'>;

/** A line that fits no field, kept so nothing on the page is silently lost. */
export type UnplacedLine = { line: number; text: string };

/** What every section reader writes to. */
export type ReadContext = {
  readonly film: FilmDraft;
  /** Reports a line that fits no field; with a reason, a warning says why. */
  unplace(line: PageLine, reason?: string): void;
  warn(message: string): void;
  /** True the first time a single-valued field is filled; false when the page gives it again. */
  claim(field: string): boolean;
};

/** A context collecting into a fresh, empty draft. */
export function createReadContext(): ReadContext & { unplaced: UnplacedLine[]; warnings: string[] } {
  const unplaced: UnplacedLine[] = [];
  const warnings: string[] = [];
  const claimed = new Set<string>();
  return {
    film: emptyDraft(),
    unplaced,
    warnings,
    unplace(line, reason) {
      unplaced.push({ line: line.number, text: line.text });
      if (reason) warnings.push(`line ${line.number}: ${reason}`);
    },
    warn(message) {
      warnings.push(message);
    },
    claim(field) {
      if (claimed.has(field)) return false;
      claimed.add(field);
      return true;
    },
  };
}

/** A film with every field empty, as the schema leaves one (fresh lists each call). */
export function emptyDraft(): FilmDraft {
  return {
    originalTitle: null,
    year: null,
    runtimeMinutes: null,
    genres: [],
    directors: [],
    trailer: null,
    ratings: [],
    externalIds: {},
    quip: null,
    synopsis: [],
    spoilers: [],
    cast: [],
    crew: [],
    quotes: [],
    boxOffice: { budget: null, domestic: null, worldwide: null },
    personalReview: null,
    criticReviews: [],
    audienceReactions: [],
    consensus: null,
    awards: [],
    trivia: [],
    whereToWatch: null,
    similar: [],
    products: [],
    soundtrack: null,
    faq: [],
    bonus: [],
    userRating: null,
    watched: [],
    copies: [],
    loans: [],
    tags: [],
    notes: null,
    poster: null,
  };
}
