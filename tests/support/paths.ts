import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, found from this file (works under Vitest and Vite's module runner alike). */
export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const samplePath = join(repoRoot, 'resources', 'sample-library.json');
/** The seed fact page, in the shared folder beside the repository (CI lays it there too). */
export const seedPagePath = resolve(repoRoot, '../shared/seed/000_5713b0b1e68f979c.txt');
