import { openLibrary } from '../../src/main/library';
import { commitImport, previewImport, TransferCancelledError } from '../../src/main/library/transfer';

/** An import of a library file into an empty library, as the app does it: preview, then commit. */
export type ImportTiming = {
  ms: number;
  /** Reading, parsing, validating and duplicate checks. */
  previewMs: number;
  /** Writing, in one transaction. */
  commitMs: number;
  /** Films written. */
  films: number;
  rejected: number;
  duplicates: number;
  /**
   * True when the import ran past the cap and was cancelled (as a person would cancel it): `ms` is
   * then the time until it stopped, a lower bound, and nothing was written.
   */
  stopped: boolean;
};

/**
 * Imports the library file at `jsonPath` into a new library at `libraryPath` (left there, closed).
 * An import still running after `capMs` is cancelled through its own cancel signal, so one slow
 * import cannot take the whole bench's time.
 */
export async function timeImport(
  jsonPath: string,
  libraryPath: string,
  capMs = Number.POSITIVE_INFINITY,
): Promise<ImportTiming> {
  const library = await openLibrary(libraryPath);
  const controller = new AbortController();
  const timer = Number.isFinite(capMs) ? setTimeout(() => controller.abort(), capMs) : undefined;
  const started = performance.now();
  let previewMs = 0;
  try {
    const preview = await previewImport(library, { path: jsonPath }, { signal: controller.signal });
    previewMs = performance.now() - started;
    const result = await commitImport(
      library,
      preview,
      { rule: 'skip', skipRejected: true },
      { signal: controller.signal },
    );
    const ms = performance.now() - started;
    return {
      ms,
      previewMs,
      commitMs: ms - previewMs,
      films: result.filmIds.length,
      rejected: result.counts.rejected,
      duplicates: result.counts.duplicates + result.counts.unchanged,
      stopped: false,
    };
  } catch (error) {
    if (!(error instanceof TransferCancelledError)) throw error;
    const ms = performance.now() - started;
    return {
      ms,
      previewMs,
      commitMs: previewMs ? ms - previewMs : 0,
      films: 0,
      rejected: 0,
      duplicates: 0,
      stopped: true,
    };
  } finally {
    clearTimeout(timer);
    await library.close();
  }
}
