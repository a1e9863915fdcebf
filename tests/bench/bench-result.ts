import type { ExportFigures, OpenFigures } from './child';
import type { ImportTiming } from './measure-import';
import type { BrowseFigures } from './measure-browse';
import type { PrintFigures } from './measure-print';
import type { RendererFigures } from './measure-renderer';
import type { RawTiming } from './raw-limit';

/** What one bench run produced: the JSON written by `--json`, and what the table is printed from. */

/** The films a library was built from: a generated profile, or the real Wikipedia set. */
export type Dataset = 'light' | 'full' | 'real';

export type DatasetResult = {
  dataset: Dataset;
  /** Films in the library. */
  size: number;
  /** How the library file was made: by an import (timed), or through the raw writer (too big to import in time). */
  builtBy: 'import' | 'raw-seed';
  libraryFileBytes: number | null;
  /** Import of the library JSON file into an empty library; of `runs` runs, the median's. */
  import: (ImportTiming & { cpuMs: number; rows: number; runs: number }) | null;
  /** The same rows with plain prepared statements in one transaction; of `runs` runs, the median's. */
  raw: (RawTiming & { runs: number }) | null;
  export: (ExportFigures & { processMs: number }) | null;
  /** Cold process: median of a few. */
  open: (OpenFigures & { processMs: number }) | null;
  browse: BrowseFigures;
  renderer: RendererFigures | null;
  /** Wall time the bench spent on this dataset, building included. */
  stepMs: number;
};

export type Check = {
  figure: string;
  dataset: Dataset | 'print';
  size: number;
  value: number;
  unit: 'ms' | 's' | 'MB' | '×' | 'films/s' | 'rows/s' | 'nodes' | 'pages';
  /** In words, e.g. "≤ 10 ms"; "—" for a figure shown for information, with no target. */
  target: string;
  /** Null for a figure with no target. */
  pass: boolean | null;
  /** A note beside the value: CPU time, a count, what was slowest. */
  note?: string;
};

export type GrowthRow = {
  figure: string;
  dataset: Dataset;
  /** Value at each size, in the figure's unit. */
  values: { size: number; value: number }[];
  unit: string;
  /**
   * k in value ∝ films^k between the two largest sizes: about 1 for a total that grows linearly,
   * about 0 for a latency an index answers; more means a cost that grows faster than the library.
   */
  exponent: number | null;
};

export type Machine = {
  node: string;
  sqlite: string;
  cpus: number;
  cpuModel: string;
  /** 1-minute load average at start and end: above the core count, figures are inflated. */
  loadAtStart: number;
  loadAtEnd: number;
  /** Writing 64 MB of memory just allocated, and the same memory again (ms per MB): see run-bench.ts. */
  memory: { firstTouchMsPerMb: number; againMsPerMb: number };
};

export type BenchResult = {
  startedAt: string;
  totalMs: number;
  machine: Machine;
  sizes: number[];
  datasets: DatasetResult[];
  print: PrintFigures | null;
  checks: Check[];
  growth: GrowthRow[];
  /** Parts not measured, and why. */
  skipped: string[];
};
