import { spawn } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const builtMainPath = join(repoRoot, 'out', 'main', 'index.js');
export const builtPreloadPath = join(repoRoot, 'out', 'preload', 'index.js');
export const builtRendererFolder = join(repoRoot, 'out', 'renderer');

const BUILT_FILES = [builtMainPath, builtPreloadPath, join(builtRendererFolder, 'index.html')];
const SOURCES = [join(repoRoot, 'src'), join(repoRoot, 'electron.vite.config.ts')];
const LOCK_PATH = join(repoRoot, 'node_modules', '.cache', 'filmfolio-e2e-build.lock');
/** A build takes seconds; a lock this old was left by a process that died mid-build. */
const STALE_LOCK_MS = 5 * 60_000;

let building: Promise<void> | undefined;

/**
 * Builds main, preload and renderer with `electron-vite build` when out/ is missing or older than
 * src/. Once per process; a lock file keeps test files in parallel processes from building twice.
 */
export function ensureBuilt(): Promise<void> {
  building ??= buildUnderLock().catch((error: unknown) => {
    building = undefined;
    throw error;
  });
  return building;
}

async function buildUnderLock(): Promise<void> {
  if (isBuildFresh()) return;
  await acquireLock();
  try {
    if (!isBuildFresh()) await runBuild();
  } finally {
    rmSync(LOCK_PATH, { force: true });
  }
}

/** True when every built entry exists and is newer than every source file. */
export function isBuildFresh(): boolean {
  const builtAt = Math.min(...BUILT_FILES.map((path) => modifiedAt(path) ?? 0));
  const changedAt = Math.max(...SOURCES.map(newestModification));
  return builtAt > 0 && builtAt >= changedAt;
}

function modifiedAt(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function newestModification(path: string): number {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestModification(join(path, entry))),
    stats.mtimeMs,
  );
}

async function acquireLock(): Promise<void> {
  mkdirSync(join(LOCK_PATH, '..'), { recursive: true });
  for (;;) {
    try {
      const handle = openSync(LOCK_PATH, 'wx');
      writeSync(handle, String(process.pid));
      closeSync(handle);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (isLockAbandoned()) rmSync(LOCK_PATH, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

function isLockAbandoned(): boolean {
  const stats = statSync(LOCK_PATH, { throwIfNoEntry: false });
  if (!stats) return false;
  if (Date.now() - stats.mtimeMs > STALE_LOCK_MS) return true;
  const pid = Number(readLock());
  // An empty lock is one being written this instant, not an abandoned one.
  return Number.isInteger(pid) && pid > 0 && !isAlive(pid);
}

function readLock(): string {
  try {
    return readFileSync(LOCK_PATH, 'utf8').trim();
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `npx electron-vite build`, run through the local binary; its output is shown only when it fails. */
function runBuild(): Promise<void> {
  const cli = join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'build'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `electron-vite build failed (exit ${code}); fix the build first:\n${output.slice(-4000)}`,
          ),
        );
    });
  });
}
