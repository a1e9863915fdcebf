import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FilmProfile } from './bench-films';

/**
 * Libraries the bench builds through the raw writer (100,000 full films: minutes of work) are kept
 * between runs in node_modules/.cache/filmfolio-bench, named by a digest of everything that decides
 * their contents: the generator, the row mapping, the search text, the migrations, the file's
 * settings (database.ts: its page size) and the tidying of its search indexes. Change any of those
 * and the next run builds afresh; older copies are removed.
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const CACHE_FOLDER = join(repoRoot, 'node_modules', '.cache', 'filmfolio-bench');
const SOURCES = [
  'tests/bench/bench-films.ts',
  'tests/bench/vocabulary.ts',
  'tests/bench/random.ts',
  'tests/bench/raw-rows.ts',
  'tests/bench/raw-limit.ts',
  'src/main/library/film-rows.ts',
  'src/shared/film.ts',
  'src/main/library/search-text.ts',
  'src/main/library/search-tidy.ts',
  'src/main/library/migrations',
  'src/main/library/database.ts',
];

function digest(): string {
  const hash = createHash('sha256');
  const add = (path: string): void => {
    const full = join(repoRoot, path);
    if (!existsSync(full)) return;
    if (path.endsWith('.ts')) hash.update(path).update(readFileSync(full));
    else for (const entry of readdirSync(full).sort()) add(join(path, entry));
  };
  SOURCES.forEach(add);
  return hash.digest('hex').slice(0, 16);
}

/**
 * The cached library of `size` films of `profile`, built by `build(path)` when missing. Used in
 * place (only read by the bench), so it is never removed after a run.
 */
export async function cachedLibrary(
  profile: FilmProfile,
  size: number,
  seed: number,
  build: (path: string) => Promise<unknown>,
): Promise<{ path: string; built: boolean }> {
  const prefix = `${profile}-${size}-seed${seed}-`;
  const path = join(CACHE_FOLDER, `${prefix}${digest()}.filmfolio.sqlite`);
  if (existsSync(path)) return { path, built: false };
  mkdirSync(CACHE_FOLDER, { recursive: true });
  for (const old of readdirSync(CACHE_FOLDER).filter((name) => name.startsWith(prefix))) {
    rmSync(join(CACHE_FOLDER, old), { recursive: true, force: true });
  }
  const building = `${path}.building`;
  await build(building);
  renameSync(building, path);
  return { path, built: true };
}
