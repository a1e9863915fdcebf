/** Timing helpers: wall and CPU time of a call, percentiles of many. */

export type Sample = { ms: number; cpuMs: number };

/** Runs `work` and answers its wall time and the CPU time this process spent on it. */
export function timeCall<T>(work: () => T): Sample & { value: T } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

/** The same for work that awaits. */
export async function timeAsync<T>(work: () => Promise<T>): Promise<Sample & { value: T }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

/** Nearest-rank percentile of `values` (0 < p ≤ 100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export type Spread = { p50: number; p95: number; max: number; count: number };

export function spread(values: readonly number[]): Spread {
  return {
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: Math.max(...values),
    count: values.length,
  };
}

export const median = (values: readonly number[]) => percentile(values, 50);
