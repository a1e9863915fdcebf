import { isDeepStrictEqual } from 'node:util';
import type { Film, FilmInput, ParsedFilm } from '../../../shared/film-schema';

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Two list items are the same when deep-equal; texts also when they differ only in case. */
function sameItem(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return isDeepStrictEqual(a, b);
}

/** The stored list, then each incoming item it does not already hold. */
function appendMissing<T>(stored: readonly T[], incoming: readonly T[]): T[] {
  const merged = [...stored];
  for (const item of incoming) if (!merged.some((existing) => sameItem(existing, item))) merged.push(item);
  return merged;
}

/** Fills what is empty in `stored` from `incoming`; what the library already holds wins. */
function mergeValue(stored: unknown, incoming: unknown): unknown {
  if (stored === null || stored === undefined) return incoming ?? stored;
  if (incoming === null || incoming === undefined) return stored;
  if (Array.isArray(stored) && Array.isArray(incoming)) return appendMissing(stored, incoming);
  if (isPlain(stored) && isPlain(incoming)) {
    const keys = [...new Set([...Object.keys(stored), ...Object.keys(incoming)])];
    // fromEntries defines properties: no key, however named, can reach a prototype.
    return Object.fromEntries(keys.map((key) => [key, mergeValue(stored[key], incoming[key])]));
  }
  return stored;
}

/** Fields merge never takes from the incoming film: identity and the library's own timestamps. */
const KEPT_FIELDS = ['id', 'title', 'sortTitle', 'addedAt', 'updatedAt'] as const;

/**
 * Merges an incoming film into a stored one: empty fields are filled, lists get the incoming items
 * they lack (no repeats), everything the library already holds stays. Loans follow their copies:
 * an incoming loan's copy number is moved to where that copy sits in the merged list.
 */
export function mergeFilms(stored: Film, incoming: ParsedFilm): FilmInput {
  const copies = appendMissing(stored.copies, incoming.copies);
  const copyPlace = incoming.copies.map((copy) =>
    copies.findIndex((merged) => isDeepStrictEqual(merged, copy)),
  );
  const loans = incoming.loans.map((loan) => ({
    ...loan,
    copyIndex: loan.copyIndex === null ? null : (copyPlace[loan.copyIndex] ?? null),
  }));
  const merged = mergeValue(stored, { ...incoming, copies: [], loans }) as Plain;
  for (const field of KEPT_FIELDS) merged[field] = stored[field];
  return { ...merged, copies } as FilmInput;
}
