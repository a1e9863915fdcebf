import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './temp-library';

/** The built command line, as `npx filmfolio` runs it. */
export const cliPath = join(repoRoot, 'bin', 'filmfolio.js');
const builtPath = join(repoRoot, 'out', 'cli', 'index.js');
const lockPath = join(repoRoot, 'out', '.cli-build-lock');
const SOURCES = ['src/cli', 'src/main', 'src/shared', 'src/renderer/src/sheet'];

function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  if (!existsSync(builtPath)) return false;
  const built = statSync(builtPath).mtimeMs;
  return SOURCES.every(
    (folder) => !existsSync(join(repoRoot, folder)) || newestSource(join(repoRoot, folder)) <= built,
  );
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds out/cli/index.js when it is missing or older than its sources. Test files run in
 * parallel workers, so a lock folder (mkdir is atomic) lets one of them build while others wait.
 */
export function ensureBuiltCli(): void {
  if (isFresh()) return;
  mkdirSync(join(repoRoot, 'out'), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lockPath);
      break;
    } catch {
      if (waited > 120_000) throw new Error(`Another build holds ${lockPath}; remove it if no build runs.`);
      sleep(200);
    }
  }
  try {
    if (isFresh()) return;
    const build = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build-cli.mjs')], {
      cwd: repoRoot,
      env: { ...process.env, FILMFOLIO_BUILD_QUIET: '1' },
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`Building the CLI failed:\n${build.stderr}`);
  } finally {
    rmdirSync(lockPath);
  }
}

export type CliRun = { status: number | null; stdout: string; stderr: string };

/** Runs `filmfolio …args` in a child process, with no default library from this machine. */
export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, FILMFOLIO_LIBRARY: '', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
