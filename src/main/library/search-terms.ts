import type Database from 'better-sqlite3';
import { prepared } from './film-rows';
import { FORM_WORDS, learnChars, matchingForm, tokenize } from './search-marks';
import { upperBound } from './suggestions';

/**
 * Every term the search index holds, kept in search_terms (migration 0009), so that a word typed
 * can be turned into the terms it starts. FTS5 answers a prefix of four letters or more (its
 * prefix indexes stop at three) by merging the entries of every term it starts, across the whole
 * library, before the first row: "forgotten"* AND "lighthouse"* read 12–16 ms at 100,000 full
 * films the first time, the same words as whole terms 1.5 ms, newest first, stopping at the page.
 *
 * The table may hold more than the index (a term whose last film was deleted stays), never less:
 * every write of a film's search text goes through noteTerms, in the same transaction.
 */

type Sqlite = Database.Database;

const NON_ASCII = /[^\0-\x7f]/;
/** An ASCII text's terms: runs of letters and digits (the tokenizer separates at every other ASCII character). */
const ASCII_TERMS = /[a-z0-9]+/g;

/** Calls `each` with every term of `text`, as the index's tokenizer splits and folds it (repeats included). */
function eachTerm(sqlite: Sqlite, text: string, each: (term: string) => void): void {
  if (!NON_ASCII.test(text)) {
    for (const term of text.toLowerCase().match(ASCII_TERMS) ?? []) each(term);
    return;
  }
  learnChars(sqlite, [text]);
  const form = matchingForm(text, new Set());
  if (form !== undefined) for (const term of form.match(FORM_WORDS) ?? []) each(term);
  else for (const token of tokenize(text)) each(token.term);
}

/** The distinct terms of `texts`, as the search index holds them. */
export function termsOf(sqlite: Sqlite, texts: readonly string[]): Set<string> {
  const terms = new Set<string>();
  for (const text of texts) if (text) eachTerm(sqlite, text, (term) => terms.add(term));
  return terms;
}

/** Terms a bulk write on a connection has already written (see rememberTerms). */
const written = new WeakMap<Sqlite, Set<string>>();

/**
 * Remembers, until the answered function is called (at COMMIT or ROLLBACK), which terms this
 * connection wrote, so an import writes each term once rather than once per film. Forgotten at
 * the end either way: after a rollback the table no longer holds them.
 */
export function rememberTerms(sqlite: Sqlite): () => void {
  written.set(sqlite, new Set());
  return () => written.delete(sqlite);
}

/** Connections writing many films at once, whose terms are read from the index at the end. */
const deferred = new WeakSet<Sqlite>();

/**
 * For a bulk write (an import large enough to set its indexes aside): the films' terms are not
 * worked out one by one in JavaScript (1.2 s of a 9 s write at 10,000 full films) but read from
 * the index once, by addIndexTerms before COMMIT (FTS5 lists the transaction's own rows too): 60
 * ms at 10,000 full films, 1.5 s at 100,000. Answers the function that ends it (call it at COMMIT
 * or ROLLBACK).
 */
export function deferTerms(sqlite: Sqlite): () => void {
  deferred.add(sqlite);
  return () => deferred.delete(sqlite);
}

/** Adds every term of the search index to search_terms (those already there stay). */
export function addIndexTerms(sqlite: Sqlite): void {
  sqlite.exec(
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_index_terms USING fts5vocab(main, films_fts, 'row')",
  );
  prepared(
    sqlite,
    'INSERT OR IGNORE INTO search_terms (term) SELECT term FROM temp.search_index_terms',
  ).run();
}

const INSERT_TERM = 'INSERT OR IGNORE INTO search_terms (term) VALUES (?)';

/**
 * Adds the terms of a film's search text (its search-index values) to search_terms, each once:
 * once per import while one remembers them (rememberTerms), else once per film.
 */
export function noteTerms(sqlite: Sqlite, values: readonly string[]): void {
  if (deferred.has(sqlite)) return;
  const insert = prepared(sqlite, INSERT_TERM);
  const noted = written.get(sqlite) ?? new Set<string>();
  const note = (term: string) => {
    if (noted.has(term)) return;
    insert.run(term);
    noted.add(term);
  };
  for (const value of values) if (value) eachTerm(sqlite, value, note);
}

/** A typed term turned into terms of the index only when it starts at most this many. */
export const EXPAND_UP_TO = 16;

/** Prefixes this long or shorter have FTS5 prefix indexes (films_fts: prefix = '1 2 3'). */
const INDEXED_PREFIX = 3;

/**
 * The terms of the index that `term` starts, when they are few (at most EXPAND_UP_TO) and the
 * prefix has no prefix index; null when FTS5 should read the prefix itself.
 */
export function expansionOf(sqlite: Sqlite, term: string): string[] | null {
  if ([...term].length <= INDEXED_PREFIX) return null;
  const terms = prepared(sqlite, 'SELECT term FROM search_terms WHERE term >= ? AND term < ? LIMIT ?')
    .pluck()
    .all(term, upperBound(term), EXPAND_UP_TO + 1) as string[];
  return terms.length > 0 && terms.length <= EXPAND_UP_TO ? terms : null;
}
