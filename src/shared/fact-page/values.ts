import type { Money } from '../film-schema';

/**
 * Readers for the values a person types or a fact page prints: running times, ratings, money,
 * years. Each returns a result instead of throwing, so the editor can show the error beside the
 * field; "Unknown", "N/A", "—" and "-" read as null (unknown), never as zero.
 */
export type ValueResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** A rating without its source: `{value: 7.8, scale: 10, votes: 2700}`. */
export type RatingValue = { value: number; scale: number; votes: number | null };

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

const UNKNOWN_WORDS = new Set(['', 'unknown', 'n/a', 'na', 'n.a.', '—', '–', '-', '?', 'not available']);

/** True for the words a page uses to say a value is not known. */
export function isUnknownValue(text: string): boolean {
  return UNKNOWN_WORDS.has(text.trim().toLowerCase());
}

const PLAIN_MINUTES = /^(\d{1,6})$/;
const CLOCK = /^(\d{1,3}):([0-5]\d)$/;
const ISO_DURATION = /^PT(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/i;
const HOURS_MINUTES = /^(?=\d)(?:(\d+)\s*(?:h|hrs?|hours?)\.?)?\s*(?:(\d+)\s*(?:m|mins?|minutes?)?\.?)?$/i;
const MAX_RUNTIME = 10_000;

/** "1h 29min", "89 min", "1 h 29 m", "89", "1:29", "PT1H29M" → 89. */
export function parseRuntime(text: string): ValueResult<number | null> {
  const trimmed = text.trim();
  if (isUnknownValue(trimmed)) return ok(null);
  const minutes = runtimeMinutes(trimmed);
  if (minutes === null) {
    return fail(`“${trimmed}” is not a running time; write it like “1h 29min”, “89 min” or “89”`);
  }
  if (minutes < 1 || minutes > MAX_RUNTIME) {
    return fail(`a running time of ${minutes} minutes is not possible (1 to ${MAX_RUNTIME})`);
  }
  return ok(minutes);
}

function runtimeMinutes(text: string): number | null {
  const plain = PLAIN_MINUTES.exec(text);
  if (plain) return Number(plain[1]);
  const clock = CLOCK.exec(text);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const iso = ISO_DURATION.exec(text);
  if (iso) return hoursAndMinutes(iso[1], iso[2]) + Math.round(Number(iso[3] ?? 0) / 60);
  const spoken = HOURS_MINUTES.exec(text);
  return spoken ? hoursAndMinutes(spoken[1], spoken[2]) : null;
}

const hoursAndMinutes = (hours = '0', minutes = '0'): number => Number(hours) * 60 + Number(minutes);

const RATING_FRACTION =
  /^(\d+(?:[.,]\d+)?)\s*(?:\/|out of)\s*(\d+(?:[.,]\d+)?)(?:\s*stars?)?(?:\s*\((.*)\))?$/i;
const RATING_PERCENT = /^(\d+(?:[.,]\d+)?)\s*%(?:\s*\((.*)\))?$/;

/** "7.8/10 (2.7K votes)" → {value 7.8, scale 10, votes 2700}; "98%" → {value 98, scale 100}. */
export function parseRating(text: string): ValueResult<RatingValue | null> {
  const trimmed = text.trim();
  if (isUnknownValue(trimmed)) return ok(null);
  const fraction = RATING_FRACTION.exec(trimmed);
  const percent = fraction ? null : RATING_PERCENT.exec(trimmed);
  if (fraction) return buildRating(trimmed, fraction[1], fraction[2], fraction[3]);
  if (percent) return buildRating(trimmed, percent[1], '100', percent[2]);
  return fail(`“${trimmed}” is not a rating; write it like “7.8/10 (2.7K votes)” or “98%”`);
}

function buildRating(
  text: string,
  valueText = '',
  scaleText = '',
  votesText: string | undefined,
): ValueResult<RatingValue> {
  const value = Number(valueText.replace(',', '.'));
  const scale = Number(scaleText.replace(',', '.'));
  if (scale <= 0) return fail(`“${text}” has a scale of 0`);
  if (value > scale) return fail(`“${text}”: ${value} is more than the scale of ${scale}`);
  if (votesText === undefined) return ok({ value, scale, votes: null });
  const votes = parseVoteCount(votesText);
  return votes.ok ? ok({ value, scale, votes: votes.value }) : votes;
}

const VOTE_COUNT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(k|thousand|m|million)?$/i;

/** "2.7K votes" → 2700, "2,700" → 2700, "1.2M ratings" → 1200000 (exact, no float rounding). */
export function parseVoteCount(text: string): ValueResult<number> {
  const bare = text
    .trim()
    .replace(/(?:votes?|ratings?|reviews?|users?)$/i, '')
    .trimEnd();
  const match = VOTE_COUNT.exec(bare);
  const exponent = match ? multiplierExponent(match[3] ?? '') : null;
  const count =
    match && exponent !== null
      ? scaleDecimal((match[1] ?? '').replaceAll(',', ''), match[2] ?? '', exponent)
      : null;
  if (count === null || count > BigInt(Number.MAX_SAFE_INTEGER)) {
    return fail(`“${text.trim()}” is not a number of votes; write it like “2.7K votes” or “2,700”`);
  }
  return ok(Number(count));
}

/**
 * "2.7" scaled by 10^3 → 2700n, done on the digits so no float rounding can creep in;
 * null when the result would not be a whole number.
 */
function scaleDecimal(whole: string, fraction: string, exponent: number): bigint | null {
  const digits = whole + fraction.padEnd(exponent, '0');
  const cut = whole.length + exponent;
  if (/[1-9]/.test(digits.slice(cut))) return null;
  return BigInt(digits.slice(0, cut) || '0');
}

const MULTIPLIER_WORDS: [RegExp, number][] = [
  [/^$/, 0],
  [/^(?:k|thousand|tsd\.?)$/i, 3],
  [/^(?:m|mn|mil\.?|mill\.?|million|millions|mio\.?)$/i, 6],
  [/^(?:b|bn|billion|billions|mrd\.?)$/i, 9],
];

/** "MIO" and "MRD" look like currency codes but are multipliers. */
const isMultiplierWord = (word: string | undefined): boolean =>
  word !== undefined && multiplierExponent(word) !== null;

function multiplierExponent(word: string): number | null {
  const found = MULTIPLIER_WORDS.find(([pattern]) => pattern.test(word));
  return found ? found[1] : null;
}

/** Longest first, so "US$" wins over "$". */
const CURRENCY_SIGNS: [string, string][] = [
  ['US$', 'USD'],
  ['CA$', 'CAD'],
  ['AU$', 'AUD'],
  ['C$', 'CAD'],
  ['A$', 'AUD'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
];
const DEFAULT_CURRENCY = 'USD';

/**
 * "$5,853" → 5853 USD, "$1.15 million" → 1150000 USD, "€2,5 Mio." → 2500000 EUR, "20554" → 20554 USD.
 * Amounts are whole units of the currency; cents are refused rather than rounded away.
 */
export function parseMoney(text: string): ValueResult<Money | null> {
  const trimmed = text.trim();
  if (isUnknownValue(trimmed)) return ok(null);
  if (/^[-−]/.test(trimmed)) return fail(`“${trimmed}” is negative; an amount of money must not be`);
  const { currency, rest } = takeCurrency(trimmed);
  const parts = /^(.*?\d)\s*([A-Za-z.]*)$/.exec(rest);
  const exponent = parts ? multiplierExponent(parts[2] ?? '') : null;
  if (!parts || exponent === null) {
    return fail(
      `“${trimmed}” is not an amount of money; write it like “$5,853”, “$1.2 million” or “€2,5 Mio.”`,
    );
  }
  return scaleMoney(trimmed, parts[1] ?? '', exponent, currency);
}

function scaleMoney(
  text: string,
  numberText: string,
  exponent: number,
  currency: string,
): ValueResult<Money> {
  const decimal = splitDecimal(numberText, exponent > 0);
  if (!decimal) return fail(`“${text}” is not an amount of money; the number “${numberText}” cannot be read`);
  const amount = scaleDecimal(decimal.whole, decimal.fraction, exponent);
  if (amount === null)
    return fail(`“${text}” is not a whole amount of ${currency}; amounts are kept in whole units`);
  if (amount > BigInt(Number.MAX_SAFE_INTEGER)) return fail(`“${text}” is too large an amount`);
  return ok({ amount: Number(amount), currency });
}

function takeCurrency(text: string): { currency: string; rest: string } {
  for (const [sign, code] of CURRENCY_SIGNS) {
    if (text.startsWith(sign)) return { currency: code, rest: text.slice(sign.length).trim() };
    if (text.endsWith(sign)) return { currency: code, rest: text.slice(0, -sign.length).trim() };
  }
  const leading = /^([A-Z]{3})\s*(?=\d)/.exec(text);
  if (leading?.[1]) return { currency: leading[1], rest: text.slice(leading[0].length) };
  const trailing = /(?<=[\d\s])[A-Z]{3}$/.exec(text)?.[0];
  if (!trailing || isMultiplierWord(trailing)) return { currency: DEFAULT_CURRENCY, rest: text };
  return { currency: trailing, rest: text.slice(0, -trailing.length).trim() };
}

type DecimalDigits = { whole: string; fraction: string };

/**
 * Reads "5,853", "1.234.567", "2,5", "1.15", "1 234" as a person would: with a multiplier a lone
 * separator is the decimal mark; without one, three digits after it mean a thousands group.
 */
function splitDecimal(numberText: string, multiplied: boolean): DecimalDigits | null {
  const compact = numberText.replace(/[\s\u00A0\u202F']/g, '');
  if (!/^\d[\d.,]*$/.test(compact)) return null;
  const decimalMark = findDecimalMark(compact, multiplied);
  const [wholePart = '', fraction = ''] = decimalMark ? splitAtLast(compact, decimalMark) : [compact, ''];
  const groupMark = decimalMark === '.' ? ',' : '.';
  const whole = decimalMark ? wholePart : compact;
  if (!isGrouped(whole, decimalMark ? groupMark : /[,.]/.exec(whole)?.[0])) return null;
  if (!/^\d*$/.test(fraction)) return null;
  return { whole: whole.replace(/[.,]/g, ''), fraction };
}

function findDecimalMark(compact: string, multiplied: boolean): '.' | ',' | null {
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
  if (mark === null || compact.split(mark).length > 2) return null;
  const digitsAfter = compact.length - compact.indexOf(mark) - 1;
  return multiplied || digitsAfter !== 3 ? mark : null;
}

function splitAtLast(text: string, mark: string): [string, string] {
  const at = text.lastIndexOf(mark);
  return [text.slice(0, at), text.slice(at + 1)];
}

/** "5,853" and "1.234.567" are grouped in threes; "58,53" is not. */
function isGrouped(whole: string, groupMark: string | undefined): boolean {
  if (groupMark === undefined || !whole.includes(groupMark)) return /^\d+$/.test(whole);
  const escaped = groupMark === '.' ? '\\.' : ',';
  return new RegExp(`^\\d{1,3}(?:${escaped}\\d{3})+$`).test(whole);
}

const YEAR = /^(\d{4})(?:\b|$)/;
const FIRST_YEAR = 1870;
const LAST_YEAR = 2100;

/** "2017" (or a date starting with the year, "2017-03-12") → 2017; 1870 to 2100. */
export function parseYear(text: string): ValueResult<number | null> {
  const trimmed = text.trim();
  if (isUnknownValue(trimmed)) return ok(null);
  const match = YEAR.exec(trimmed);
  if (!match) return fail(`“${trimmed}” is not a year; write it like “2017”`);
  const year = Number(match[1]);
  if (year < FIRST_YEAR || year > LAST_YEAR) return fail(`${year} is outside ${FIRST_YEAR} to ${LAST_YEAR}`);
  return ok(year);
}
