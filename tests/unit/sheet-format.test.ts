import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatMoney,
  formatNumber,
  formatRating,
  formatRuntime,
  formatVotes,
  usableLocale,
} from '../../src/shared/format';

describe('format', () => {
  it('prints money in the locale, whole units, and unknown as "Unknown" (never 0)', () => {
    expect(formatMoney({ amount: 5853, currency: 'USD' }, 'en-US')).toBe('$5,853');
    expect(formatMoney({ amount: 20554, currency: 'USD' }, 'de-DE')).toBe('20.554\u00a0$');
    expect(formatMoney({ amount: 0, currency: 'EUR' }, 'en-US')).toBe('€0');
    expect(formatMoney(null, 'en-US')).toBe('Unknown');
    expect(formatMoney({ amount: 9_007_199_254_740_991, currency: 'USD' }, 'en-US')).toBe(
      '$9,007,199,254,740,991',
    );
  });

  it('keeps every digit of an amount in a currency Intl does not know', () => {
    expect(formatMoney({ amount: 1234567, currency: 'XQQ' }, 'en-US')).toMatch(/1,234,567/);
  });

  it('prints runtimes as hours and minutes', () => {
    expect(formatRuntime(89)).toBe('1 h 29 min');
    expect(formatRuntime(45)).toBe('45 min');
    expect(formatRuntime(120)).toBe('2 h');
    expect(formatRuntime(10_000)).toBe('166 h 40 min');
  });

  it('prints votes compactly and ratings on their scale', () => {
    expect(formatVotes(2700, 'en-US')).toBe('2.7K votes');
    expect(formatVotes(1, 'en-US')).toBe('1 vote');
    expect(formatRating({ source: 'IMDb', value: 7.8, scale: 10, votes: 2700 }, 'en-US')).toBe(
      '7.8/10 (2.7K votes)',
    );
    expect(formatRating({ source: 'Rotten Tomatoes', value: 98, scale: 100, votes: null }, 'en-US')).toBe(
      '98%',
    );
    expect(formatRating({ source: 'Letterboxd', value: 3.5, scale: 5, votes: null }, 'de-DE')).toBe('3,5/5');
  });

  it('prints dates in the locale, on their calendar day whatever the time zone', () => {
    expect(formatDate('2026-11-26', 'en-US')).toBe('November 26, 2026');
    expect(formatDate('2026-01-01', 'de-DE')).toBe('1. Januar 2026');
    expect(formatDate('2026-11-26T23:30:00.000Z', 'en-US')).toBe('November 26, 2026');
    expect(formatDate('the summer of 69', 'en-US')).toBe('the summer of 69');
  });

  it('falls back to the default locale for a malformed one instead of failing', () => {
    expect(usableLocale('en_US')).toBeUndefined();
    expect(usableLocale('de-de')).toBe('de-DE');
    expect(formatNumber(20554, 'not a locale!')).toBe(new Intl.NumberFormat().format(20554));
  });
});
