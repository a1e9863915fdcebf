import Database from 'better-sqlite3';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Film } from '../../src/shared/film-schema';
import { findChromium } from '../e2e/chromium';
import { benchFilms, type FilmProfile } from './bench-films';
import type { BenchResult, Dataset, DatasetResult, Machine } from './bench-result';
import type { OpenFigures } from './child';
import { browseInChild, buildChild, exportInChild, importInChild, openInChild } from './child-process';
import { removeLibrary, writeLibraryFile } from './library-file';
import { measurePrint } from './measure-print';
import { measureRenderer } from './measure-renderer';
import { QUERY_LISTS, type QueryList } from './queries';
import { seedRawLibrary, timeRawInsert, type RawTiming } from './raw-limit';
import { RawRows } from './raw-rows';
import { cachedLibrary } from './seed-cache';
import { loadRealFilms } from './real-films';
import { growthOf } from './report';
import { checksOf } from './targets';

/**
 * One bench run, end to end: for each size and profile a library is built once (by importing its
 * library file, timed against the raw limit; or, past `fullImportMax` full films, through the raw
 * writer), then exported, opened cold, browsed and shown in the window; the real data set the
 * same way; then printing. Everything is written in a temp folder, removed at the end.
 */

export type BenchOptions = {
  sizes: number[];
  profiles: FilmProfile[];
  /** Full-profile libraries larger than this are built through the raw writer, not imported (a 100k file is ~1.5 GB). */
  fullImportMax: number;
  /** An import still running after this many seconds is cancelled (and reported as at least that slow). */
  importCapSeconds: number;
  /** Include the real Wikipedia set when it is on this machine. */
  real: boolean;
  renderer: boolean;
  /** Searches typed in the window, each timed from its last keypress. */
  keypressQueries: number;
  print: boolean;
  catalogueFilms: number;
  seed: number;
  /** Progress lines, as each step finishes. */
  log: (line: string) => void;
};

export const DEFAULT_BENCH_OPTIONS: BenchOptions = {
  sizes: [1_000, 10_000, 100_000],
  profiles: ['light', 'full'],
  fullImportMax: 10_000,
  importCapSeconds: 30,
  real: true,
  renderer: true,
  keypressQueries: 20,
  print: true,
  catalogueFilms: 100,
  seed: 1,
  log: () => undefined,
};

const OPEN_RUNS = 3;
const OPEN_BUDGET_MS = 5_000;

type Plan = {
  dataset: Dataset;
  size: number;
  films: () => Iterable<Film>;
  imported: boolean;
  queries: QueryList;
};

type Run = { options: BenchOptions; workDir: string; skipped: string[] };

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const label = (plan: Plan) => `${plan.dataset} ${plan.size.toLocaleString('en')}`;

/**
 * Films of the same file an import child imports first, untimed, into a library of its own: the
 * import code is then compiled, as in an app that has imported before, like the statements the
 * searches warm up (measure-browse.ts). Enough for a bulk import (indexes set aside from 500).
 */
const WARM_UP_FILMS = 500;

function* firstOf<T>(items: Iterable<T>, count: number): Generator<T> {
  if (count <= 0) return;
  let taken = 0;
  for (const item of items) {
    yield item;
    taken += 1;
    if (taken >= count) return;
  }
}

/**
 * Writes the library file and fills the raw rows in one pass, then times the raw limit into a file
 * of its own. The rows are unreachable once this returns, so the import that follows runs without
 * them in memory.
 */
async function fileAndRawLimit(plan: Plan, folder: string) {
  const jsonPath = join(folder, 'library.json');
  const rows = new RawRows();
  const file = writeLibraryFile(jsonPath, plan.films(), plan.size, (film) => rows.add(film));
  const warmUpCount = Math.min(WARM_UP_FILMS, plan.size);
  writeLibraryFile(join(folder, 'warm-up.json'), firstOf(plan.films(), warmUpCount), warmUpCount);
  const rawPath = join(folder, 'raw.filmfolio.sqlite');
  // The transaction's own time and CPU: creating the empty library and making the rows are not the limit.
  const runs: RawTiming[] = [];
  do {
    removeLibrary(rawPath);
    runs.push(await timeRawInsert(rawPath, rows));
  } while (runs[0]!.ms < QUICK_MS && runs.length < RUNS_OF_QUICK);
  const raw = { ...medianRun(runs), runs: runs.length };
  return { jsonPath, rawPath, file, raw, rowCount: rows.rowCount };
}

/**
 * A raw limit whose first run is quicker than this is timed RUNS_OF_QUICK times, and so is its
 * import (each in a new child), and the median of each is the figure: one run of either takes a
 * few hundred milliseconds, where a moment's noise on two cores moved the 1k light ratio between
 * 0.49 and 0.59 in four single runs of session 11. Slower ones are timed once (the bench's ten
 * minutes).
 */
const QUICK_MS = 1000;
const RUNS_OF_QUICK = 5;

/** The run of median wall time, whole (its CPU time and split with it). */
function medianRun<T extends { ms: number }>(runs: readonly T[]): T {
  return [...runs].sort((a, b) => a.ms - b.ms)[Math.floor((runs.length - 1) / 2)]!;
}

/**
 * The raw limit, then the import of the same films' library file into an empty library. An import
 * stopped at the cap leaves nothing; the raw limit's file (the same rows) is the library then.
 */
async function importAndRaw(plan: Plan, folder: string, libraryPath: string, run: Run) {
  const { jsonPath, rawPath, file, raw, rowCount } = await fileAndRawLimit(plan, folder);
  const imports = [];
  for (let again = 0; again < raw.runs; again += 1) {
    removeLibrary(libraryPath);
    const { figures } = await importInChild(
      jsonPath,
      libraryPath,
      run.options.importCapSeconds * 1000,
      join(folder, 'warm-up.json'),
    );
    imports.push(figures);
    if (figures.stopped) break;
  }
  // The library the last import left is the one measured next: every run wrote the same films.
  const last = imports.at(-1)!;
  const imported = last.stopped ? last : medianRun(imports);
  rmSync(jsonPath, { force: true });
  if (imported.stopped) {
    removeLibrary(libraryPath);
    renameSync(rawPath, libraryPath);
  } else removeLibrary(rawPath);
  if (!imported.stopped && imported.films !== raw.films) {
    throw new Error(
      `${label(plan)}: the import wrote ${imported.films} films, the raw limit ${raw.films}; they must write the same.`,
    );
  }
  const stopped = imported.stopped ? ' (stopped at the cap)' : '';
  run.options.log(
    `${label(plan)}: import ${seconds(imported.ms)}${stopped} (raw limit ${seconds(raw.ms)}), file ${(file.bytes / 1e6).toFixed(0)} MB`,
  );
  return {
    libraryFileBytes: file.bytes,
    import: { ...imported, rows: rowCount, runs: imports.length },
    raw,
  };
}

async function exportFigures(plan: Plan, libraryPath: string, folder: string, run: Run) {
  const target = join(folder, 'export.json');
  const { figures, wallMs } = await exportInChild(libraryPath, target);
  rmSync(target, { force: true });
  run.options.log(
    `${label(plan)}: export ${seconds(figures.ms)}, peak ${(figures.peakRss / 1024 / 1024).toFixed(0)} MB`,
  );
  return { ...figures, processMs: wallMs };
}

async function openFigures(libraryPath: string) {
  const runs: (OpenFigures & { processMs: number })[] = [];
  let spent = 0;
  // A few cold starts for a steady median; one is enough when each takes seconds.
  for (let i = 0; i < OPEN_RUNS && spent < OPEN_BUDGET_MS; i += 1) {
    const { figures, wallMs } = await openInChild(libraryPath);
    runs.push({ ...figures, processMs: wallMs });
    spent += wallMs;
  }
  const total = (o: OpenFigures) => o.startedMs + o.openMs + o.firstPageMs;
  return runs.sort((a, b) => total(a) - total(b))[Math.floor(runs.length / 2)] ?? null;
}

/** The first line of an error, for a report that says why something was not measured. */
const reason = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

function skip(run: Run, what: string): void {
  if (!run.skipped.includes(what)) run.skipped.push(what);
}

/** The window's figures; when the app cannot start (a broken build, a timeout), the run goes on without them. */
async function rendererFigures(plan: Plan, libraryPath: string, run: Run) {
  try {
    const renderer = await measureRenderer(
      libraryPath,
      QUERY_LISTS[plan.queries],
      run.options.keypressQueries,
    );
    if (renderer.skipped) skip(run, `keypress → results painted: ${renderer.skipped}`);
    return renderer;
  } catch (error) {
    skip(run, `the window, ${label(plan)}: ${reason(error)}`);
    return null;
  }
}

async function printFigures(run: Run) {
  try {
    const print = await measurePrint(run.options.catalogueFilms);
    run.options.log(
      `print: sheet ${Math.round(print.sheetMs)} ms, catalogue of ${print.catalogueFilms} ${seconds(print.catalogueMs)}`,
    );
    return print;
  } catch (error) {
    skip(run, `printing: ${reason(error)}`);
    return null;
  }
}

async function importedLibrary(plan: Plan, folder: string, run: Run) {
  const libraryPath = join(folder, 'library.filmfolio.sqlite');
  return { libraryPath, built: await importAndRaw(plan, folder, libraryPath, run) };
}

/** A library too big to import in the bench's time, from the cache or built through the raw writer. */
async function seededLibrary(plan: Plan, run: Run) {
  const started = performance.now();
  const profile = plan.dataset === 'full' ? 'full' : 'light';
  const cached = await cachedLibrary(profile, plan.size, run.options.seed, (path) =>
    seedRawLibrary(path, plan.films()),
  );
  const how = cached.built
    ? `built through the raw writer in ${seconds(performance.now() - started)}`
    : 'from the cache';
  run.options.log(`${label(plan)}: library ${how}`);
  return { libraryPath: cached.path, built: { libraryFileBytes: null, import: null, raw: null } };
}

async function runDataset(plan: Plan, run: Run): Promise<DatasetResult> {
  const started = performance.now();
  const folder = mkdtempSync(join(run.workDir, `${plan.dataset}-${plan.size}-`));
  try {
    const { libraryPath, built } = plan.imported
      ? await importedLibrary(plan, folder, run)
      : await seededLibrary(plan, run);
    const exported = plan.imported ? await exportFigures(plan, libraryPath, folder, run) : null;
    const open = await openFigures(libraryPath);
    const { figures: browse } = await browseInChild(libraryPath, plan.queries);
    run.options.log(
      `${label(plan)}: search p95 ${browse.search.p95.toFixed(1)} ms, open ${Math.round(open ? open.startedMs + open.openMs + open.firstPageMs : 0)} ms`,
    );
    const renderer = run.options.renderer ? await rendererFigures(plan, libraryPath, run) : null;
    return {
      dataset: plan.dataset,
      size: plan.size,
      builtBy: plan.imported ? 'import' : 'raw-seed',
      libraryFileBytes: built.libraryFileBytes,
      import: built.import,
      raw: built.raw,
      export: exported,
      open,
      browse,
      renderer,
      stepMs: performance.now() - started,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function plans(options: BenchOptions, run: Run): Plan[] {
  const generated = options.profiles.flatMap((profile) =>
    options.sizes.map((size): Plan => ({
      dataset: profile,
      size,
      films: () => benchFilms(size, { profile, seed: options.seed }),
      imported: profile === 'light' || size <= options.fullImportMax,
      queries: 'generated',
    })),
  );
  if (!options.real) return generated;
  const real = loadRealFilms();
  if (!real) {
    run.skipped.push(
      'the real data set: ../shared/samples/wikipedia-movie-data/movies-1900-2023.json is not on this machine',
    );
    return generated;
  }
  const realPlan: Plan = {
    dataset: 'real',
    size: real.films.length,
    films: () => real.films,
    imported: true,
    queries: 'real',
  };
  return [...generated, realPlan];
}

const PROBE_MB = 64;

/**
 * Milliseconds per MB to write memory the process has just been given, and to write it again.
 * Every figure that grows memory (reading a file, the garbage collector growing its heap, SQLite's
 * page cache filling) pays the first; on the virtual machines this bench was written on it was
 * about 3.4 ms/MB against 0.05-0.1 ms/MB the second time.
 */
function memoryProbe(): { firstTouchMsPerMb: number; againMsPerMb: number } {
  const buffer = Buffer.allocUnsafe(PROBE_MB * 1024 * 1024);
  let started = performance.now();
  buffer.fill(1);
  const first = performance.now() - started;
  started = performance.now();
  buffer.fill(2);
  const again = performance.now() - started;
  return { firstTouchMsPerMb: first / PROBE_MB, againMsPerMb: again / PROBE_MB };
}

function machine(): Machine {
  const sqlite = new Database(':memory:');
  const version = sqlite.prepare('SELECT sqlite_version()').pluck().get() as string;
  sqlite.close();
  return {
    node: process.version,
    sqlite: version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    loadAtStart: loadavg()[0] ?? 0,
    loadAtEnd: 0,
    memory: memoryProbe(),
  };
}

/** Runs the bench with `options` (defaults for what is left out) and answers every figure. */
export async function runBench(overrides: Partial<BenchOptions> = {}): Promise<BenchResult> {
  const options = { ...DEFAULT_BENCH_OPTIONS, ...overrides };
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const run: Run = { options, workDir: mkdtempSync(join(tmpdir(), 'filmfolio-bench-')), skipped: [] };
  const about = machine();
  const chromium = findChromium() !== null;
  if (!chromium && (options.renderer || options.print)) {
    run.skipped.push('the window and printing: no Chromium (set CHROMIUM_PATH or install chromium)');
  }
  options.renderer &&= chromium;
  options.print &&= chromium;
  try {
    await buildChild();
    const datasets: DatasetResult[] = [];
    for (const plan of plans(options, run)) {
      try {
        datasets.push(await runDataset(plan, run));
      } catch (error) {
        // One dataset that cannot be measured must not cost the figures of all the others.
        skip(run, `${label(plan)}: ${reason(error)}`);
        options.log(`${label(plan)}: FAILED: ${reason(error)}`);
      }
    }
    const print = options.print ? await printFigures(run) : null;
    const result: BenchResult = {
      startedAt,
      totalMs: performance.now() - started,
      machine: { ...about, loadAtEnd: loadavg()[0] ?? 0 },
      sizes: options.sizes,
      datasets,
      print,
      checks: [],
      growth: growthOf(datasets),
      skipped: run.skipped,
    };
    result.checks = checksOf(result);
    return result;
  } finally {
    rmSync(run.workDir, { recursive: true, force: true });
  }
}
