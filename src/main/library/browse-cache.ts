import type Database from 'better-sqlite3';
import { prepared } from './film-rows';

type Sqlite = Database.Database;

/**
 * A small memory of browse's answers (totals, filter counts), good while the library is unchanged:
 * scrolling asks for the same total page after page, and toggling a filter back asks for counts
 * already made. Any change to the library, from this connection or another, forgets them.
 */

/** Rows browse itself writes into temp tables: they change nothing in the library. */
const ownChanges = new WeakMap<Sqlite, number>();

export function noteOwnChanges(sqlite: Sqlite, changes: number): void {
  ownChanges.set(sqlite, (ownChanges.get(sqlite) ?? 0) + changes);
}

/** Changes when the library does: a write on this connection, or a commit on another. */
function libraryVersion(sqlite: Sqlite): string {
  const changes = prepared(sqlite, 'SELECT total_changes()').pluck().get() as number;
  const elsewhere = prepared(sqlite, 'PRAGMA data_version').pluck().get() as number;
  return `${changes - (ownChanges.get(sqlite) ?? 0)}:${elsewhere}`;
}

const MAX_ANSWERS = 64;
const answers = new WeakMap<Sqlite, { version: string; byKey: Map<string, unknown> }>();

/** The memory for the library as it is now (emptied when it changed). */
function memoryOf(sqlite: Sqlite): { version: string; byKey: Map<string, unknown> } {
  const version = libraryVersion(sqlite);
  let memory = answers.get(sqlite);
  if (!memory || memory.version !== version) {
    memory = { version, byKey: new Map() };
    answers.set(sqlite, memory);
  }
  return memory;
}

/** The remembered answer for `key`, or the one `compute` gives (then remembered). */
export function remembered<T>(sqlite: Sqlite, key: string, compute: () => T): T {
  const memory = memoryOf(sqlite);
  if (memory.byKey.has(key)) return memory.byKey.get(key) as T;
  const answer = compute();
  if (memory.byKey.size >= MAX_ANSWERS) memory.byKey.delete(memory.byKey.keys().next().value as string);
  // Computing may have written temp rows: remember under the version that holds afterwards.
  memory.version = libraryVersion(sqlite);
  memory.byKey.set(key, answer);
  return answer;
}

/** The remembered answer for `key`, if there is one; nothing is computed. */
export function recalled<T>(sqlite: Sqlite, key: string): T | undefined {
  return memoryOf(sqlite).byKey.get(key) as T | undefined;
}
