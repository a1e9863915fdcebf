import { spawn } from 'node:child_process';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../src/main/library';
import { backupProblems, listBackups } from '../../src/main/library/backup';
import { bundleForNode } from '../support/bundle-for-node';
import { generateFilms, seedLibrary } from '../support/generate-films';
import { repoRoot, sampleFilm, tempFolder } from '../support/temp-library';

/**
 * Child processes SIGKILLed at seeded random moments: while an import of 20,000 films is being
 * written, while a film is saved again and again, and while backups are taken between saves. After
 * each kill the library opens, passes integrity_check, and holds exactly the last committed state:
 * none or all of the import; the last version the child reported committed, or the one after it
 * (committed, but killed before it could say so).
 */

const IMPORT_FILMS = 20_000;
const SEED = 20_261_126;
const IMPORT_KILLS = 4;
// Saves and backups alone make 20 kills, whatever the machine's speed (a fast one may finish an import first).
const SAVE_KILLS = 14;
const BACKUP_KILLS = 6;

/** mulberry32: the same moments on every run. */
function seeded(seed: number): (min: number, max: number) => number {
  let state = seed >>> 0;
  return (min, max) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return min + Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (max - min + 1));
  };
}
const random = seeded(SEED);

const childFolder = join(repoRoot, 'out', `crash-child-${process.pid}`);
const childPath = join(childFolder, 'crash-child.mjs');

/** Bundles tests/support/crash-child.ts for plain node, as electron-vite bundles main. */
async function buildChild(): Promise<void> {
  await bundleForNode(join(repoRoot, 'tests', 'support', 'crash-child.ts'), childFolder, 'crash-child.mjs');
}

type Killed = { lines: string[]; killed: boolean; stderr: string };

/**
 * Runs the child and SIGKILLs it once `due(line)` says so for a line it printed, after `delayMs`.
 * Answers every line it printed (all of them reach the pipe before it dies) and whether the kill landed.
 */
function runUntilKilled(args: string[], due: (line: string) => boolean, delayMs = 0): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let armed = false;
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (armed || !out.split('\n').slice(0, -1).some(due)) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (_status, signal) => {
      clearTimeout(watchdog);
      resolve({ lines: out.split('\n').filter(Boolean), killed: signal === 'SIGKILL', stderr });
    });
  });
}

/** Opens the library as the app does (quick_check first) and runs the full integrity_check. */
async function openSound(path: string): Promise<Library> {
  const library = await openLibrary(path);
  expect(library.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  return library;
}

/** A fresh copy of a closed library file, for one trial. */
function copyOf(base: string): string {
  const path = join(tempFolder(), 'library.filmfolio.sqlite');
  copyFileSync(base, path);
  return path;
}

let kills = 0;
let importFile: string;
let smallBase: string;
let largeBase: string;
let filmId: string;
let basePeople: number;

beforeAll(async () => {
  await buildChild();
  // The generator places The Work among its films; the base library holds it already, and an import
  // skips a duplicate: leave it out so that "all of it" is exactly IMPORT_FILMS new films.
  const films = generateFilms(IMPORT_FILMS + 3_001, { seed: SEED, profile: 'light' }).filter(
    (film) => film.title !== sampleFilm().title,
  );
  importFile = join(childFolder, 'films.filmfolio.json');
  writeFileSync(
    importFile,
    JSON.stringify({ format: 'filmfolio-library', version: 1, films: films.slice(0, IMPORT_FILMS) }),
  );
  smallBase = join(childFolder, 'small.sqlite');
  const small = await openLibrary(smallBase);
  filmId = small.create(sampleFilm()).id;
  basePeople = small.sqlite.prepare('SELECT count(*) FROM people').pluck().get() as number;
  await small.close();
  largeBase = join(childFolder, 'large.sqlite');
  copyFileSync(smallBase, largeBase);
  await seedLibrary(largeBase, films.slice(IMPORT_FILMS));
}, 180_000);

afterAll(() => {
  rmSync(childFolder, { recursive: true, force: true });
  expect(kills).toBeGreaterThanOrEqual(20);
});

/** `committed N` lines: the last N the child reported, 0 when none. */
const lastCommitted = (lines: readonly string[]) =>
  Math.max(
    0,
    ...lines
      .map((line) => /^committed (\d+)$/.exec(line)?.[1])
      .filter(Boolean)
      .map(Number),
  );

/** The stored version is the last reported one, or the next (committed, not yet reported). */
function expectLastCommitted(library: Library, lines: readonly string[]): void {
  const last = lastCommitted(lines);
  const notes = library.get(filmId)?.notes ?? null;
  const allowed = [last === 0 ? null : `version ${last}`, `version ${last + 1}`];
  expect(allowed, `after "${lines.at(-1)}"`).toContain(notes);
}

describe('killed while an import of 20,000 films is written', () => {
  it(`${IMPORT_KILLS} kills: the library holds none or all of it`, async () => {
    for (let trial = 0; trial < IMPORT_KILLS; trial += 1) {
      const path = copyOf(smallBase);
      // Writing 20,000 films takes half a minute on a loaded machine: the kills land in its first seconds.
      const delay = random(0, 4_000);
      const run = await runUntilKilled(['import', path, importFile], (line) => line === 'writing', delay);
      if (run.killed) kills += 1;
      expect(run.stderr).toBe('');
      const library = await openSound(path);
      const count = library.count();
      expect([1, IMPORT_FILMS + 1], `killed ${delay} ms into writing, after "${run.lines.at(-1)}"`).toContain(
        count,
      );
      if (run.lines.includes('committed')) expect(count).toBe(IMPORT_FILMS + 1);
      if (count === 1)
        expect(library.sqlite.prepare('SELECT count(*) FROM people').pluck().get()).toBe(basePeople);
      for (const backup of await listBackups(path)) expect(backupProblems(backup.path)).toEqual([]);
      await library.close();
    }
  }, 240_000);
});

describe('killed while saving', () => {
  it(`${SAVE_KILLS} kills: the film holds the last committed version`, async () => {
    for (let trial = 0; trial < SAVE_KILLS; trial += 1) {
      const path = copyOf(smallBase);
      const run = await runUntilKilled(['save', path, filmId], (line) => line === 'ready', random(20, 700));
      expect(run.killed).toBe(true);
      kills += 1;
      const library = await openSound(path);
      expectLastCommitted(library, run.lines);
      await library.close();
    }
  }, 120_000);
});

describe('killed while backing up', () => {
  it(`${BACKUP_KILLS} kills: the library is untouched by the backup, every listed backup is whole`, async () => {
    for (let trial = 0; trial < BACKUP_KILLS; trial += 1) {
      const path = copyOf(largeBase);
      const run = await runUntilKilled(
        ['backup', path, filmId],
        (line) => line === 'ready',
        random(0, 1_500),
      );
      expect(run.killed).toBe(true);
      kills += 1;
      const library = await openSound(path);
      expect(library.count()).toBe(3_001);
      expectLastCommitted(library, run.lines);
      const backups = await listBackups(path);
      expect(backups.length).toBeLessThanOrEqual(run.lines.filter((line) => line === 'backed-up').length + 1);
      for (const backup of backups) expect(backupProblems(backup.path)).toEqual([]);
      await library.close();
    }
  }, 120_000);
});
