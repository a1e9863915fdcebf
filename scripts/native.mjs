#!/usr/bin/env node
// Builds better-sqlite3 for Electron into native/electron-<version>/, beside (never over) the Node
// build in node_modules that the tests and the CLI load. The app's main process passes that file
// to better-sqlite3 as `nativeBinding` (src/main/native-binding.ts), so `npm start` and `npm test`
// work in any order with no manual step. Needs the internet (Electron's headers or a prebuilt
// binary): it cannot run on the machines this project is built on, which have neither.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

if (process.argv[2] !== 'electron') {
  console.error('usage: node scripts/native.mjs electron');
  process.exit(2);
}

const electronVersion = require('electron/package.json').version;
const target = join(root, 'native', `electron-${electronVersion}`, 'better_sqlite3.node');
if (existsSync(target)) process.exit(0);

console.log(`Building better-sqlite3 for Electron ${electronVersion} (once)…`);
const work = mkdtempSync(join(tmpdir(), 'filmfolio-native-'));
const source = dirname(require.resolve('better-sqlite3/package.json'));
cpSync(source, work, { recursive: true, filter: (path) => !path.includes(`${source}/build`) });

// npm's environment may pin node-gyp to Node's headers (npm_config_nodedir): drop it for this build.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)));
const run = (command, args) => spawnSync(command, args, { cwd: work, stdio: 'inherit', env }).status === 0;
const bin = (name) => require.resolve(name);
const arch = process.env.npm_config_arch ?? process.arch;

const built =
  run(process.execPath, [
    bin('prebuild-install/bin.js'),
    '--runtime',
    'electron',
    '--target',
    electronVersion,
    '--arch',
    arch,
  ]) ||
  run(process.execPath, [
    bin('node-gyp/bin/node-gyp.js'),
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    '--dist-url=https://electronjs.org/headers',
  ]);

const output = join(work, 'build', 'Release', 'better_sqlite3.node');
if (!built || !existsSync(output)) {
  rmSync(work, { recursive: true, force: true });
  console.error(
    `Could not build better-sqlite3 for Electron ${electronVersion}: this step needs the internet.`,
  );
  process.exit(1);
}
mkdirSync(dirname(target), { recursive: true });
copyFileSync(output, target);
rmSync(work, { recursive: true, force: true });
console.log(`better-sqlite3 for Electron ${electronVersion}: ${target}`);
