#!/usr/bin/env node
// Builds the command line: src/cli/index.ts → out/cli/index.js, one CommonJS file for Node 20.
// better-sqlite3 (native), kysely and zod are dependencies and stay external; everything else
// (React for the printable sheet, the shared code) is bundled, so `npx filmfolio` needs nothing
// from devDependencies.
import { rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'out', 'cli');
// Built beside the target and moved in whole, so a test or a user never runs a half-written CLI.
const stagingDir = join(root, 'out', `.cli-${process.pid}`);

const external = ['better-sqlite3', 'kysely', 'zod'];
// Vite picks React's production JSX runtime from NODE_ENV (a test runner sets it to "test").
process.env.NODE_ENV = 'production';

await build({
  configFile: false,
  root,
  logLevel: process.env.FILMFOLIO_BUILD_QUIET ? 'error' : 'info',
  mode: 'production',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  ssr: { noExternal: true, external },
  build: {
    ssr: join(root, 'src/cli/index.ts'),
    outDir: stagingDir,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      external: (id) =>
        external.some((name) => id === name || id.startsWith(`${name}/`)) || id.startsWith('node:'),
      output: { format: 'cjs', entryFileNames: 'index.js', codeSplitting: false },
    },
  },
});

await rm(outDir, { recursive: true, force: true });
await rename(stagingDir, outDir);
