import type Database from 'better-sqlite3';
import { suggestQuerySchema, type SuggestionKind, type SuggestQuery } from '../../shared/library-edits';
import { prepared } from './film-rows';

type Sqlite = Database.Database;

/**
 * Suggestions for token inputs and name fields: distinct values already in the library that start
 * with what was typed, ignoring ASCII case. Each query is a range scan on a NOCASE index
 * (migration 0003), so it stays quick at 100,000 films; terms come most used first.
 */

type Source = { table: string; column: string; where?: string; counted: boolean };

const SOURCES: Record<SuggestionKind, Source> = {
  genre: { table: 'film_terms', column: 'value', where: "kind = 'genre'", counted: true },
  tag: { table: 'film_terms', column: 'value', where: "kind = 'tag'", counted: true },
  borrower: { table: 'film_loans', column: 'borrower', counted: true },
  medium: { table: 'film_copies', column: 'medium', counted: true },
  location: { table: 'film_copies', column: 'location', where: 'location IS NOT NULL', counted: true },
  // People are shared rows; one no film credits any more is not suggested.
  person: {
    table: 'people',
    column: 'name',
    where: 'EXISTS (SELECT 1 FROM film_credits c WHERE c.person_key = people.key)',
    counted: false,
  },
};

/** NOCASE folds ASCII letters only, so only those are lowered: "Doc" and "doc" find "Documentary". */
const foldAscii = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());

/** The smallest text after every text starting with `prefix`: its last character, plus one. */
export function upperBound(prefix: string): string {
  const characters = [...prefix];
  const last = characters.pop() ?? '';
  return characters.join('') + String.fromCodePoint((last.codePointAt(0) ?? 0) + 1);
}

function suggestionSql(source: Source, ranged: boolean): string {
  const conditions = [
    source.where,
    ranged ? `${source.column} >= ? COLLATE NOCASE AND ${source.column} < ? COLLATE NOCASE` : undefined,
  ].filter(Boolean);
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  if (!source.counted) {
    return `SELECT ${source.column} FROM ${source.table} ${where} ORDER BY ${source.column} COLLATE NOCASE LIMIT ?`;
  }
  return `SELECT ${source.column} FROM ${source.table} ${where} GROUP BY ${source.column}
    ORDER BY count(*) DESC, ${source.column} COLLATE NOCASE LIMIT ?`;
}

/** Values of one kind starting with `prefix` (any value when it is empty), at most `limit`. */
export function suggest(sqlite: Sqlite, input: SuggestQuery): string[] {
  const query = suggestQuerySchema.parse(input);
  const prefix = foldAscii(query.prefix.trim());
  const source = SOURCES[query.kind];
  const params = prefix === '' ? [query.limit] : [prefix, upperBound(prefix), query.limit];
  return prepared(sqlite, suggestionSql(source, prefix !== ''))
    .pluck()
    .all(params) as string[];
}
