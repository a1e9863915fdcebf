import type { Money, Rating } from './film-schema';

/**
 * How the library's values read to a person, in their locale: money, counts, runtimes, ratings
 * and dates. Pure and locale-aware (Intl only), so the sheet, browse and the CLI print alike.
 * `locale` is a BCP 47 tag ("en-US", "de-DE"); a missing or malformed one falls back to the
 * runtime's default rather than failing a whole print over a setting.
 */

/** The locale to hand to Intl: the given tag when Intl knows it, otherwise the runtime default. */
export function usableLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}

/** 20554 → "20,554" (en-US), "20.554" (de-DE). */
export function formatNumber(value: number, locale?: string): string {
  return new Intl.NumberFormat(usableLocale(locale), { maximumFractionDigits: 2 }).format(value);
}

/** `{amount: 5853, currency: "USD"}` → "$5,853"; an unknown amount (null, never 0) → "Unknown". */
export function formatMoney(money: Money | null, locale?: string): string {
  if (money === null) return 'Unknown';
  try {
    return new Intl.NumberFormat(usableLocale(locale), {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    }).format(money.amount);
  } catch {
    // A currency code Intl does not know still prints, digits intact.
    return `${formatNumber(money.amount, locale)} ${money.currency}`;
  }
}

/** 89 → "1 h 29 min", 45 → "45 min", 120 → "2 h". */
export function formatRuntime(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** 2700 → "2.7K votes", 1 → "1 vote": compact, as fact pages print them. */
export function formatVotes(votes: number, locale?: string): string {
  const count = new Intl.NumberFormat(usableLocale(locale), {
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(votes);
  return `${count} ${votes === 1 ? 'vote' : 'votes'}`;
}

/** IMDb 7.8 of 10 with 2700 votes → "7.8/10 (2.7K votes)"; Rotten Tomatoes 98 of 100 → "98%". */
export function formatRating(rating: Rating, locale?: string): string {
  const score =
    rating.scale === 100
      ? `${formatNumber(rating.value, locale)}%`
      : `${formatNumber(rating.value, locale)}/${formatNumber(rating.scale, locale)}`;
  return rating.votes === null ? score : `${score} (${formatVotes(rating.votes, locale)})`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * "2026-11-26" → "November 26, 2026" (en-US). A full timestamp prints its calendar date in UTC;
 * text that is not a date prints as given, so nothing the collector typed is lost.
 */
export function formatDate(value: string, locale?: string): string {
  // Only ISO text is read as a date: Date's own parser would turn "the summer of 69" into 1969.
  if (!ISO_DATE.test(value) && !ISO_TIMESTAMP.test(value)) return value;
  const date = new Date(ISO_DATE.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(usableLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
