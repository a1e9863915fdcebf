import { closeSync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Opening SQLite files beside the library (backups, checks, restores) with the very build of
 * better-sqlite3 that opened the library: in the Electron app that is a build for Electron's ABI,
 * and Node's own build would not load there.
 */

const bindings = new WeakMap<Database.Database, string>();

export type SqliteFileOptions = { readonly?: boolean; fileMustExist?: boolean; nativeBinding?: string };

/** Opens a connection and remembers which build opened it. */
export function openSqliteFile(path: string, options: SqliteFileOptions = {}): Database.Database {
  const { nativeBinding, ...flags } = options;
  const sqlite = new Database(path, nativeBinding ? { ...flags, nativeBinding } : flags);
  if (nativeBinding) bindings.set(sqlite, nativeBinding);
  return sqlite;
}

/** The nativeBinding a connection was opened with (undefined: better-sqlite3's own build). */
export function bindingOf(sqlite: Database.Database): string | undefined {
  return bindings.get(sqlite);
}

/** Which of SQLite's checks: quick_check (the b-trees, fast) or integrity_check (indexes too, slower). */
export type IntegrityCheck = 'quick_check' | 'integrity_check';

/** SQLite's error codes for a file that is not a sound database. */
export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

function sqliteProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /not a database/i.test(message) ? `it is not an SQLite database (${message})` : message;
}

/** What SQLite's check says is wrong (its first 20 lines); [] when it says `ok`. */
export function checkProblems(sqlite: Database.Database, check: IntegrityCheck = 'quick_check'): string[] {
  try {
    const rows = sqlite.pragma(`${check}(20)`) as Record<string, unknown>[];
    const lines = rows.map((row) => String(Object.values(row)[0]));
    return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
  } catch (error) {
    if (isDamageError(error)) return [sqliteProblem(error)];
    throw error;
  }
}

/**
 * Checks a file through a read-only connection (closing it can never checkpoint a WAL into a
 * damaged file). Answers the problems found; [] for a sound file. Errors that are not damage
 * (permissions, a missing folder) are thrown as they are.
 */
export function inspectFile(path: string, check: IntegrityCheck, nativeBinding?: string): string[] {
  let sqlite: Database.Database | null = null;
  try {
    sqlite = openSqliteFile(path, { readonly: true, fileMustExist: true, nativeBinding });
    return checkProblems(sqlite, check);
  } catch (error) {
    if (isDamageError(error)) return [sqliteProblem(error)];
    throw error;
  } finally {
    sqlite?.close();
  }
}

/** Makes a rename in `path`'s folder durable (POSIX); folders cannot be opened this way on Windows. */
export function syncFolderOf(path: string): void {
  let handle: number | null = null;
  try {
    handle = openSync(dirname(path), 'r');
    fsyncSync(handle);
  } catch {
    // Windows: renames are durable once MoveFileEx returns.
  } finally {
    if (handle !== null) closeSync(handle);
  }
}
