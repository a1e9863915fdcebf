import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { bundleForNode } from '../support/bundle-for-node';
import { repoRoot } from '../support/paths';
import type { ExportFigures, ImportFigures, OpenFigures } from './child';
import type { BrowseFigures } from './measure-browse';
import type { QueryList } from './queries';

/**
 * The bench's child processes. The child is bundled once per run, as electron-vite bundles the
 * app's main, so a cold start measures node loading one file plus its native and npm modules, not
 * a TypeScript loader. The bundle lands in out/bench/ so `better-sqlite3` and `kysely` resolve
 * from the project's node_modules.
 */

const bundleFolder = join(repoRoot, 'out', 'bench');
export const childBundlePath = join(bundleFolder, 'child.mjs');

/** Bundles tests/bench/child.ts into out/bench/child.mjs. */
export function buildChild(): Promise<string> {
  return bundleForNode(join(repoRoot, 'tests', 'bench', 'child.ts'), bundleFolder, 'child.mjs');
}

export type ChildRun<T> = { figures: T; /** Spawn to exit, as the parent saw it. */ wallMs: number };

/** Runs the bundled child and parses its one line of JSON. */
export function runChild<T>(args: readonly string[]): Promise<ChildRun<T>> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [childBundlePath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0)
        return reject(new Error(`The bench child (${args[0]}) failed with exit ${code}: ${err.trim()}`));
      try {
        resolve({ figures: JSON.parse(out.trim().split('\n').at(-1) ?? '') as T, wallMs });
      } catch {
        reject(
          new Error(
            `The bench child (${args[0]}) printed no figures: ${out.slice(0, 500)} ${err.slice(0, 500)}`,
          ),
        );
      }
    });
  });
}

/** Open + migrate check + first page in a new process. */
export const openInChild = (libraryPath: string) => runChild<OpenFigures>(['open', libraryPath]);
/** Export in a new process, whose memory is then the export's alone. */
export const exportInChild = (libraryPath: string, target: string) =>
  runChild<ExportFigures>(['export', libraryPath, target]);
/**
 * An import in a new process, as the app's main process runs one: holding the library and nothing
 * else. Run in the bench's own process, each import paid for what the datasets before it left
 * behind: 10,000 full films took 15.4 s after the 100,000 light ones, 11.6 s alone. The child
 * imports `warmUpPath` first, untimed (run-bench.ts: WARM_UP_FILMS).
 */
export const importInChild = (jsonPath: string, libraryPath: string, capMs: number, warmUpPath: string) =>
  runChild<ImportFigures>([
    'import',
    jsonPath,
    libraryPath,
    String(Number.isFinite(capMs) ? capMs : 0),
    warmUpPath,
  ]);
/**
 * Browse's reads timed in a new process holding the library alone, as the app's main process
 * does. In the bench's own process they paid for what it had done before: light 100,000 search
 * p95 10.5-10.8 ms in three runs against 6.8-7.0 ms in a fresh process on the same library.
 */
export const browseInChild = (libraryPath: string, queries: QueryList) =>
  runChild<BrowseFigures>(['browse', libraryPath, queries]);
