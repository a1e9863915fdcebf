import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build } from 'vite';
import { repoRoot } from './paths';

/**
 * Bundles one TypeScript entry for plain node, as electron-vite bundles the app's main: one ES
 * module file, node's built-ins and the npm dependencies kept external (they resolve from the
 * project's node_modules, so the bundle goes in a folder under the project). Answers its path.
 */
export async function bundleForNode(entry: string, outFolder: string, fileName: string): Promise<string> {
  const external = [
    ...builtinModules,
    ...builtinModules.map((name) => `node:${name}`),
    'better-sqlite3',
    'kysely',
    'zod',
  ];
  await build({
    configFile: false,
    logLevel: 'warn',
    root: repoRoot,
    build: {
      ssr: entry,
      outDir: outFolder,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { external, output: { format: 'es', entryFileNames: fileName } },
    },
  });
  return join(outFolder, fileName);
}
