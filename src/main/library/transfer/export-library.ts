import { randomUUID } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ExportResult, ExportScope } from '../../../shared/transfer';
import type { Library } from '../index';
import { readFilms } from '../read-films';
import { checkCancelled } from './errors';
import { yieldToEventLoop, type ProgressCallback } from './pacing';
import { filmsInScope, type ScopedFilm } from './export-scope';
import { filmText, libraryFooter, libraryHeader } from './library-json';

export type ExportOptions = {
  scope?: ExportScope;
  /** Include posters (default). Without them every film says `"poster": null`. */
  images?: boolean;
  signal?: AbortSignal;
  /** `(done, total)` in films written. */
  onProgress?: ProgressCallback;
  /**
   * Defaults to the newest `updatedAt` among the exported films: the moment the file's contents
   * were last true. Two exports of unchanged films are then byte-identical.
   */
  exportedAt?: string | null;
};

/** Posters can be ~20 MB each: fewer films per read keeps memory bounded. */
const BATCH_WITH_IMAGES = 10;
const BATCH_WITHOUT_IMAGES = 100;

function latestUpdate(films: readonly ScopedFilm[]): string | null {
  let latest: string | null = null;
  for (const film of films) if (latest === null || film.updatedAt > latest) latest = film.updatedAt;
  return latest;
}

/** Makes the rename itself durable; not every platform can open a folder, so failure is fine. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    await handle.sync().finally(() => handle.close());
  } catch {
    // Windows cannot open a folder for syncing; its rename is already durable enough.
  }
}

async function writeFilms(
  handle: FileHandle,
  library: Library,
  films: readonly ScopedFilm[],
  options: ExportOptions,
): Promise<number> {
  const images = options.images !== false;
  let written = 0;
  const batchSize = images ? BATCH_WITH_IMAGES : BATCH_WITHOUT_IMAGES;
  for (let start = 0; start < films.length; start += batchSize) {
    checkCancelled(options.signal, 'export');
    const keys = films.slice(start, start + batchSize).map((film) => film.key);
    for (const film of readFilms(library.sqlite, keys, { posters: images })) {
      await handle.write(`${written === 0 ? '' : ',\n'}${filmText(film)}`);
      written += 1;
    }
    options.onProgress?.(Math.min(start + batchSize, films.length), films.length);
    await yieldToEventLoop();
  }
  return written;
}

/**
 * Writes a library file: the whole library, a search/filter result or chosen films, in canonical
 * form (stable order, 2-space indentation, keys in record order), so export → import into an
 * empty library → export gives the same bytes. Streams a batch of films at a time into a temp file
 * beside the target, syncs it, then renames it over the target: a crash or cancel never leaves
 * half a file where the user's file was.
 */
export async function exportLibrary(
  library: Library,
  path: string,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const films = filmsInScope(library, options.scope ?? { kind: 'all' });
  // A film deleted while exporting is simply left out; readFilms skips keys that are gone.
  const exportedAt = options.exportedAt === undefined ? latestUpdate(films) : options.exportedAt;
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.write(libraryHeader(exportedAt, films.length));
    const written = await writeFilms(handle, library, films, options);
    await handle.write(libraryFooter(films.length));
    await handle.sync();
    const { size } = await handle.stat();
    await handle.close();
    checkCancelled(options.signal, 'export');
    await rename(temp, path);
    await syncFolder(dirname(path));
    return { path, films: written, bytes: size };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
}
