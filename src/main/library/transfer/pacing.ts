/** Lets the event loop run (IPC, timers, a cancel) between chunks of synchronous work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** `(done, total)` after each chunk of work. */
export type ProgressCallback = (done: number, total: number) => void;

/** How long synchronous work may hold the event loop before it yields: short enough to feel instant. */
export const DEFAULT_SLICE_MS = 30;

/**
 * Paces a loop of synchronous steps: `due()` is true once a time slice (or a number of steps) has
 * passed, then the caller reports progress and yields. Time-based, because one film can take
 * a microsecond or (with a large poster) many milliseconds.
 */
export class Pacer {
  private started = performance.now();
  private steps = 0;

  constructor(
    private readonly sliceMs: number = DEFAULT_SLICE_MS,
    private readonly maxSteps: number = Infinity,
  ) {}

  /** Counts one step; true when it is time to yield. */
  due(): boolean {
    this.steps += 1;
    return this.steps >= this.maxSteps || performance.now() - this.started >= this.sliceMs;
  }

  /** Yields to the event loop and starts a new slice. */
  async pause(): Promise<void> {
    await yieldToEventLoop();
    this.started = performance.now();
    this.steps = 0;
  }
}
