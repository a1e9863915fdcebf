import { describe, expect, it } from 'vitest';
import {
  isUnknownValue,
  parseMoney,
  parseRating,
  parseRuntime,
  parseVoteCount,
  parseYear,
} from '../../src/shared/fact-page/values';

const UNKNOWN = ['Unknown', 'unknown', 'N/A', 'n/a', '—', '–', '-', '', '  '];

describe('isUnknownValue', () => {
  it.each(UNKNOWN)('reads %j as unknown', (text) => {
    expect(isUnknownValue(text)).toBe(true);
  });
  it.each(['0', 'none yet', '$5'])('does not read %j as unknown', (text) => {
    expect(isUnknownValue(text)).toBe(false);
  });
});

describe('parseRuntime', () => {
  it.each([
    ['1h 29min', 89],
    ['89 min', 89],
    ['1 h 29 m', 89],
    ['89', 89],
    ['PT1H29M', 89],
    ['pt89m', 89],
    ['PT1H29M30S', 90],
    ['1:29', 89],
    ['2h', 120],
    ['1hr 29mins', 89],
    ['1 hour 29 minutes', 89],
    ['1h29', 89],
    [' 89 min ', 89],
  ])('reads %j as %i minutes', (text, minutes) => {
    expect(parseRuntime(text)).toEqual({ ok: true, value: minutes });
  });

  it.each(UNKNOWN)('reads %j as unknown (null)', (text) => {
    expect(parseRuntime(text)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['forever', 'is not a running time'],
    ['1h 29min 10x', 'is not a running time'],
    ['PT', 'is not a running time'],
    ['0', 'not possible'],
    ['20000 min', 'not possible'],
  ])('refuses %j with an error that says %j', (text, error) => {
    const result = parseRuntime(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(error);
  });
});

describe('parseRating', () => {
  it.each([
    ['7.8/10 (2.7K votes)', { value: 7.8, scale: 10, votes: 2700 }],
    ['98%', { value: 98, scale: 100, votes: null }],
    ['7.8/10', { value: 7.8, scale: 10, votes: null }],
    ['7,8/10', { value: 7.8, scale: 10, votes: null }],
    ['4 out of 5 stars', { value: 4, scale: 5, votes: null }],
    ['8.1/10 (1.2M votes)', { value: 8.1, scale: 10, votes: 1_200_000 }],
    ['6.5 / 10 (2,700 votes)', { value: 6.5, scale: 10, votes: 2700 }],
    ['91% (123 reviews)', { value: 91, scale: 100, votes: 123 }],
    ['0/10', { value: 0, scale: 10, votes: null }],
  ])('reads %j', (text, rating) => {
    expect(parseRating(text)).toEqual({ ok: true, value: rating });
  });

  it.each(UNKNOWN)('reads %j as unknown (null)', (text) => {
    expect(parseRating(text)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['great', 'is not a rating'],
    ['7.8', 'is not a rating'],
    ['11/10', 'more than the scale'],
    ['5/0', 'scale of 0'],
    ['7.8/10 (lots of votes)', 'not a number of votes'],
    ['7.8/10 (2.75 votes)', 'not a number of votes'],
  ])('refuses %j with an error that says %j', (text, error) => {
    const result = parseRating(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(error);
  });
});

describe('parseVoteCount', () => {
  it.each([
    ['2.7K votes', 2700],
    ['2.7k', 2700],
    ['2,700', 2700],
    ['2700', 2700],
    ['1.25M ratings', 1_250_000],
    ['3 thousand', 3000],
  ])('reads %j as %i', (text, votes) => {
    expect(parseVoteCount(text)).toEqual({ ok: true, value: votes });
  });
});

describe('parseMoney', () => {
  const usd = (amount: number) => ({ ok: true, value: { amount, currency: 'USD' } });
  it.each([
    ['$5,853', usd(5853)],
    ['$20,554', usd(20554)],
    ['20554', usd(20554)],
    ['$1.2 million', usd(1_200_000)],
    ['$1.15 million', usd(1_150_000)],
    ['$3.4M', usd(3_400_000)],
    ['$1.5 million', usd(1_500_000)],
    ['$2.5 billion', usd(2_500_000_000)],
    ['$750K', usd(750_000)],
    ['$ 1,234,567', usd(1_234_567)],
    ['US$12,000', usd(12_000)],
    ['12,000 USD', usd(12_000)],
    ['USD 12000', usd(12_000)],
    ['$0.29 million', usd(290_000)],
    ['$4.567891 million', usd(4_567_891)],
    ['€2,5 Mio.', { ok: true, value: { amount: 2_500_000, currency: 'EUR' } }],
    ['€1.234.567', { ok: true, value: { amount: 1_234_567, currency: 'EUR' } }],
    ['3,4 Mio. €', { ok: true, value: { amount: 3_400_000, currency: 'EUR' } }],
    ['£2.5m', { ok: true, value: { amount: 2_500_000, currency: 'GBP' } }],
    ['¥1,000,000', { ok: true, value: { amount: 1_000_000, currency: 'JPY' } }],
    ['12 MIO EUR', { ok: true, value: { amount: 12_000_000, currency: 'EUR' } }],
  ])('reads %j', (text, money) => {
    expect(parseMoney(text)).toEqual(money);
  });

  it.each(UNKNOWN)('reads %j as unknown (null), never 0', (text) => {
    expect(parseMoney(text)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['lots', 'is not an amount of money'],
    ['$5,853.50', 'not a whole amount'],
    ['$1.2345K', 'not a whole amount'],
    ['$58,53,1', 'cannot be read'],
    ['$5 zillion', 'is not an amount of money'],
    ['-$5,000', 'negative'],
    ['$99999999999 billion', 'too large'],
  ])('refuses %j with an error that says %j', (text, error) => {
    const result = parseMoney(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(error);
  });
});

describe('parseYear', () => {
  it.each([
    ['2017', 2017],
    ['1870', 1870],
    ['2100', 2100],
    ['2017-03-12', 2017],
  ])('reads %j as %i', (text, year) => {
    expect(parseYear(text)).toEqual({ ok: true, value: year });
  });

  it.each(UNKNOWN)('reads %j as unknown (null)', (text) => {
    expect(parseYear(text)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['seventeen', 'is not a year'],
    ['1869', 'outside 1870 to 2100'],
    ['2101', 'outside'],
    ['20170', 'is not a year'],
  ])('refuses %j with an error that says %j', (text, error) => {
    const result = parseYear(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(error);
  });
});
