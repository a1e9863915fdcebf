import { dirname, join } from 'node:path';
import { openLibrary } from '../../src/main/library';
import { exportLibrary } from '../../src/main/library/transfer';
import { removeLibrary } from './library-file';
import { measureBrowse } from './measure-browse';
import { timeImport, type ImportTiming } from './measure-import';
import { QUERY_LISTS, type QueryList } from './queries';
import { timeAsync } from './stats';

/**
 * The bench's child process, bundled (as the app's main is) and run with plain `node`:
 *
 *   node child.mjs open LIBRARY          open + migrate check + first page, in a cold process
 *   node child.mjs export LIBRARY FILE   export, sampling the process's memory meanwhile
 *   node child.mjs browse LIBRARY QUERIES    browse's reads (measure-browse.ts); QUERIES: generated or real
 *   node child.mjs import FILE LIBRARY CAP_MS [WARM_UP_FILE]
 *                                        import a library file into a new library, as the app's
 *                                        main process would: a process holding nothing else;
 *                                        WARM_UP_FILE first, untimed; CAP_MS 0: no cap
 *
 * Prints one line of JSON with its figures. Milliseconds since the process started come from
 * performance.now(), whose origin is the process's start.
 */

/** The first page browse shows. */
const FIRST_PAGE = { sort: 'title', limit: 100 } as const;
const SAMPLE_EVERY_MS = 5;

export type OpenFigures = {
  /** From process start until this code ran: node itself and the bundle's modules. */
  startedMs: number;
  openMs: number;
  firstPageMs: number;
  facetsMs: number;
  films: number;
};

export type ExportFigures = {
  ms: number;
  films: number;
  bytes: number;
  /** Resident memory after opening, before exporting. */
  baselineRss: number;
  /** The most resident memory seen while exporting (sampled every few milliseconds). */
  peakRss: number;
  /** The operating system's figure for the whole process. */
  maxRss: number;
};

async function probeOpen(path: string): Promise<OpenFigures> {
  const startedMs = performance.now();
  const library = await openLibrary(path);
  const opened = performance.now();
  const page = library.list(FIRST_PAGE);
  const listed = performance.now();
  library.facets();
  const counted = performance.now();
  await library.close();
  return {
    startedMs,
    openMs: opened - startedMs,
    firstPageMs: listed - opened,
    facetsMs: counted - listed,
    films: page.total,
  };
}

async function probeExport(path: string, target: string): Promise<ExportFigures> {
  const library = await openLibrary(path);
  const baselineRss = process.memoryUsage.rss();
  let peakRss = baselineRss;
  const sampler = setInterval(
    () => (peakRss = Math.max(peakRss, process.memoryUsage.rss())),
    SAMPLE_EVERY_MS,
  );
  try {
    const started = performance.now();
    const result = await exportLibrary(library, target);
    const ms = performance.now() - started;
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    return {
      ms,
      films: result.films,
      bytes: result.bytes,
      baselineRss,
      peakRss,
      maxRss: process.resourceUsage().maxRSS * 1024,
    };
  } finally {
    clearInterval(sampler);
    await library.close();
  }
}

/** An import's figures, with the CPU time this process spent on it. */
export type ImportFigures = ImportTiming & { cpuMs: number };

async function probeImport(
  jsonPath: string,
  libraryPath: string,
  capMs: number,
  warmUpPath: string | undefined,
): Promise<ImportFigures> {
  if (warmUpPath) {
    const warmUpLibrary = join(dirname(libraryPath), 'warm-up.filmfolio.sqlite');
    await timeImport(warmUpPath, warmUpLibrary);
    removeLibrary(warmUpLibrary);
  }
  const cap = capMs > 0 ? capMs : Number.POSITIVE_INFINITY;
  const timed = await timeAsync(() => timeImport(jsonPath, libraryPath, cap));
  return { ...timed.value, cpuMs: timed.cpuMs };
}

async function main(): Promise<void> {
  const [command, path, target, cap, warmUp] = process.argv.slice(2);
  if (command === 'open' && path) return console.log(JSON.stringify(await probeOpen(path)));
  if (command === 'export' && path && target)
    return console.log(JSON.stringify(await probeExport(path, target)));
  if (command === 'browse' && path && target && Object.hasOwn(QUERY_LISTS, target)) {
    // The other list warms the process up first (measureBrowse).
    const list = target as QueryList;
    const other = QUERY_LISTS[list === 'real' ? 'generated' : 'real'];
    return console.log(JSON.stringify(await measureBrowse(path, QUERY_LISTS[list], other)));
  }
  if (command === 'import' && path && target && cap)
    return console.log(JSON.stringify(await probeImport(path, target, Number(cap), warmUp)));
  throw new Error(
    'Usage: node child.mjs open LIBRARY | export LIBRARY FILE | browse LIBRARY generated|real | import FILE LIBRARY CAP_MS [WARM_UP_FILE]',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
