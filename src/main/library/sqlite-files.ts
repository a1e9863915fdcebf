import { closeSync, fsyncSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
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

/** SQLite's damage error in plain words. */
export function damageProblem(error: unknown): string {
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
    if (isDamageError(error)) return [damageProblem(error)];
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
    if (isDamageError(error)) return [damageProblem(error)];
    throw error;
  } finally {
    sqlite?.close();
  }
}

/** What a check in a worker found: SQLite's problems, and whether the file holds a Filmfolio library. */
export type BackgroundInspection = { problems: string[]; isLibrary: boolean };

/**
 * The worker's code, plain CommonJS given as a string: the app's main is one bundled file (and the
 * bench's child another), so a worker file of its own would need its own entry in every bundle. It
 * loads the very better-sqlite3 (and native build) the caller uses, opens the file read-only (so
 * closing can never checkpoint a WAL into it), runs the check and posts what it found.
 */
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { module, path, check, nativeBinding } = workerData;
let sqlite = null;
try {
  const Database = require(module);
  sqlite = new Database(path, nativeBinding ? { readonly: true, fileMustExist: true, nativeBinding } : { readonly: true, fileMustExist: true });
  const lines = sqlite.pragma(check + '(20)').map((row) => String(Object.values(row)[0]));
  const problems = lines.length === 1 && lines[0] === 'ok' ? [] : lines;
  const isLibrary = problems.length === 0 && sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('films', 'kysely_migration')").pluck().get() === 2;
  parentPort.postMessage({ problems, isLibrary });
} catch (error) {
  parentPort.postMessage({ error: { code: error && error.code, message: error instanceof Error ? error.message : String(error) } });
} finally {
  if (sqlite) sqlite.close();
}
`;

/**
 * Where better-sqlite3 is, for the worker to load it: beside the bundled main (CommonJS, which has
 * __filename), else from the working folder (an ES module bundle, such as the bench's child).
 */
function betterSqliteModule(): string {
  const base = typeof __filename === 'string' ? __filename : join(process.cwd(), 'index.js');
  return createRequire(base).resolve('better-sqlite3');
}

/** An error the worker reported, rebuilt so isDamageError still recognises SQLite's codes. */
function rebuiltError(error: { code?: unknown; message: string }): Error {
  return Object.assign(new Error(error.message), typeof error.code === 'string' ? { code: error.code } : {});
}

type WorkerError = { error: { code?: unknown; message: string } };

/**
 * Runs worker code (plain CommonJS, as WORKER_CODE) that opens `path` with the very better-sqlite3
 * the caller uses and posts one reply. Answered once the worker has ended, its connection closed:
 * the file is then free to be closed, moved or restored. An error it reports is rejected, rebuilt.
 */
function inSqliteWorker<T>(
  code: string,
  path: string,
  what: string,
  data: Record<string, unknown>,
  nativeBinding?: string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let reply: T | WorkerError | null = null;
    let failure: Error | null = null;
    const worker = new Worker(code, {
      eval: true,
      workerData: { ...data, module: betterSqliteModule(), path, nativeBinding: nativeBinding ?? null },
    });
    worker.on('message', (message: T | WorkerError) => (reply = message));
    worker.on('error', (error) => (failure = error));
    worker.on('exit', (exit) => {
      if (failure) return reject(failure);
      if (!reply)
        return reject(new Error(`The ${what} of ${path} stopped before it finished (exit ${exit}).`));
      if (typeof reply === 'object' && 'error' in reply)
        return reject(rebuiltError((reply as WorkerError).error));
      resolve(reply);
    });
  });
}

/**
 * inspectFile in a worker thread, with its own read-only connection: SQLite's check reads the whole
 * file (22 s for a 3 GB library), and the main process must stay responsive meanwhile. Answers the
 * problems found ([] for a sound file) and whether it holds a Filmfolio library; errors that are not
 * damage are thrown as they are.
 */
export async function inspectFileInBackground(
  path: string,
  check: IntegrityCheck,
  nativeBinding?: string,
): Promise<BackgroundInspection> {
  try {
    return await inSqliteWorker<BackgroundInspection>(WORKER_CODE, path, 'check', { check }, nativeBinding);
  } catch (error) {
    if (isDamageError(error)) return { problems: [damageProblem(error)], isLibrary: false };
    throw error;
  }
}

/** What SQLite's checkpoint did: frames in the WAL, and of them copied into the file. */
export type Checkpointed = { busy: number; log: number; checkpointed: number };

const CHECKPOINT_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { module, path, nativeBinding } = workerData;
let sqlite = null;
try {
  const Database = require(module);
  sqlite = new Database(path, nativeBinding ? { fileMustExist: true, nativeBinding } : { fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  const [row] = sqlite.pragma('wal_checkpoint(PASSIVE)');
  parentPort.postMessage({ busy: row.busy, log: row.log, checkpointed: row.checkpointed });
} catch (error) {
  parentPort.postMessage({ error: { code: error && error.code, message: error instanceof Error ? error.message : String(error) } });
} finally {
  if (sqlite) sqlite.close();
}
`;

/**
 * Copies a library's WAL into its file (SQLite's PASSIVE checkpoint) in a worker thread, with a
 * connection of its own: the library's own connection reads and writes on meanwhile (a passive
 * checkpoint waits for nobody and nobody waits for it), and the main process is not held.
 */
export function checkpointInBackground(path: string, nativeBinding?: string): Promise<Checkpointed> {
  return inSqliteWorker<Checkpointed>(CHECKPOINT_CODE, path, 'checkpoint', {}, nativeBinding);
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
