import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/main/library';
import { cliPath, ensureBuiltCli } from '../support/built-cli';
import { libraryText } from '../support/library-files';
import { sampleFilm, tempFolder } from '../support/temp-library';

beforeAll(() => ensureBuiltCli(), 180_000);

const FILMS = 3000;

type Interrupted = {
  signal: NodeJS.Signals | null;
  status: number | null;
  stderr: string;
  lastProgress: [number, number] | null;
};

/** Runs `filmfolio import --progress` and sends `signal` as soon as it reports writing (but not the end). */
function importAndInterrupt(library: string, file: string, signal: NodeJS.Signals) {
  return new Promise<Interrupted>((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, '--library', library, 'import', file, '--progress']);
    let lastProgress: [number, number] | null = null;
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      for (const match of stderr.matchAll(/Writing (\d+)\/(\d+)/g)) {
        lastProgress = [Number(match[1]), Number(match[2])];
      }
      if (!sent && lastProgress && lastProgress[0] < lastProgress[1]) {
        sent = true;
        child.kill(signal);
      }
    });
    child.on('error', reject);
    child.on('close', (status, killedBy) => resolve({ signal: killedBy, status, stderr, lastProgress }));
  });
}

async function libraryAndLargeFile() {
  const folder = tempFolder();
  const path = join(folder, 'library.filmfolio.sqlite');
  const before = await openLibrary(path);
  before.create(sampleFilm());
  await before.close();
  const films = Array.from({ length: FILMS }, (_, i) => ({
    title: `Killed Import ${i}`,
    year: 1900 + (i % 200),
    cast: Array.from({ length: 8 }, (__, j) => ({ person: `Person ${i}-${j}`, character: `Role ${j}` })),
    trivia: [`Fact ${i}`.repeat(20)],
  }));
  const file = join(folder, 'large.json');
  writeFileSync(file, libraryText(films));
  return { path, file };
}

/** The library holds The Work and nothing of the interrupted import, and is sound. */
async function expectUntouched(path: string) {
  const sqlite = new Database(path);
  expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(sqlite.prepare('SELECT title FROM films').pluck().all()).toEqual(['The Work']);
  expect(sqlite.prepare("SELECT count(*) FROM people WHERE name LIKE 'Person %'").pluck().get()).toBe(0);
  sqlite.close();
  const after = await openLibrary(path);
  expect(after.count()).toBe(1);
  await after.close();
}

describe('an import interrupted in the middle', () => {
  it('SIGKILL: the library opens, passes integrity_check and holds none of that import', async () => {
    const { path, file } = await libraryAndLargeFile();
    const run = await importAndInterrupt(path, file, 'SIGKILL');
    expect(run.signal).toBe('SIGKILL');
    expect(run.lastProgress?.[0]).toBeGreaterThan(0);
    expect(run.lastProgress?.[0]).toBeLessThan(FILMS);
    await expectUntouched(path);
  }, 120_000);

  it('Ctrl-C (SIGINT): the import is rolled back and says so, exit 1', async () => {
    const { path, file } = await libraryAndLargeFile();
    const run = await importAndInterrupt(path, file, 'SIGINT');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('filmfolio: The import was cancelled; nothing was written.');
    await expectUntouched(path);
  }, 120_000);
});
