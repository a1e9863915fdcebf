export { parseFactPage, looksLikeFactPage, type FactPageResult } from './parse-fact-page';
export { FactPageError, MAX_FACT_PAGE_BYTES, type FactPageProblem } from './text-checks';
export type { UnplacedLine } from './read-context';
export {
  isUnknownValue,
  parseMoney,
  parseRating,
  parseRuntime,
  parseVoteCount,
  parseYear,
  type RatingValue,
  type ValueResult,
} from './values';
