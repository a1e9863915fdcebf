#!/usr/bin/env node
// Checks the packaging configuration without downloading Electron: packages the built app with
// electron-builder (`--linux dir`) against a stand-in Electron directory (a small script carrying
// Electron's fuse wire, so the fuses are really flipped), then inspects the result: what app.asar
// holds, what is unpacked beside it, the extra resources, and the fuses.
//
//   node scripts/package-check.mjs [--keep]     (needs `npm run build` first; --keep leaves the output)
//
// tests/unit/packaging.test.ts runs the same functions.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** The sentinel @electron/fuses looks for in an Electron binary, followed by the wire. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own defaults ('1' on, '0' off): RunAsNode, cookie encryption, NODE_OPTIONS, --inspect, ASAR integrity, ASAR only, V8 snapshot, file: privileges. */
const DEFAULT_FUSES = '10110001';
const FUSE_NAMES = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
];

/** A directory that looks enough like an unpacked Linux Electron for electron-builder. */
export function makeStandInElectron(folder) {
  mkdirSync(join(folder, 'locales'), { recursive: true });
  mkdirSync(join(folder, 'resources'), { recursive: true });
  writeFileSync(join(folder, 'locales', 'en-US.pak'), '');
  const script = Buffer.from('#!/bin/sh\necho "stand-in Electron: it cannot run the app"\nexit 1\n# ');
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, DEFAULT_FUSES.length]),
    Buffer.from(DEFAULT_FUSES),
    Buffer.from('\n'),
  ]);
  writeFileSync(join(folder, 'electron'), Buffer.concat([script, wire]));
  chmodSync(join(folder, 'electron'), 0o755);
  return folder;
}

/** Runs electron-builder offline; answers the unpacked app's folder. Throws with its output on failure. */
export function packageWithStandIn(workFolder) {
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
    throw new Error('There is no built app in out/: run `npm run build` first.');
  }
  const electronDist = makeStandInElectron(join(workFolder, 'electron-dist'));
  const output = join(workFolder, 'dist');
  const cli = require.resolve('electron-builder/cli.js');
  const result = spawnSync(
    process.execPath,
    [
      cli,
      '--linux',
      'dir',
      `-c.electronDist=${electronDist}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${output}`,
    ],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_BUILDER_CACHE: join(workFolder, 'cache') },
    },
  );
  const appDir = join(output, 'linux-unpacked');
  if (result.status !== 0 || !existsSync(join(appDir, 'resources', 'app.asar'))) {
    throw new Error(`electron-builder failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return appDir;
}

/** The production dependencies and everything they depend on, by name (npm's flat node_modules). */
function productionClosure(packageJson) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const manifest = join(root, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) return;
    const { dependencies = {}, optionalDependencies = {} } = JSON.parse(readFileSync(manifest, 'utf8'));
    for (const dependency of Object.keys({ ...dependencies, ...optionalDependencies })) visit(dependency);
  };
  for (const name of Object.keys(packageJson.dependencies ?? {})) visit(name);
  return seen;
}

function readFuses(executable) {
  const binary = readFileSync(executable);
  const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  const length = binary[at + 1];
  return Object.fromEntries(
    FUSE_NAMES.slice(0, length).map((name, index) => [
      name,
      String.fromCharCode(binary[at + 2 + index]) === '1',
    ]),
  );
}

/** What the package holds, and every problem found with it (empty when it is right). */
export function inspectPackage(appDir) {
  const asar = require('@electron/asar');
  const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const archive = join(appDir, 'resources', 'app.asar');
  const files = asar.listPackage(archive, { isPack: false }).map((path) => path.replace(/\\/g, '/'));
  const has = (path) => files.includes(path);
  const problems = [];

  for (const path of [
    '/package.json',
    '/out/main/index.js',
    '/out/preload/index.js',
    '/out/renderer/index.html',
  ]) {
    if (!has(path)) problems.push(`app.asar lacks ${path}`);
  }
  const production = productionClosure(packageJson);
  for (const name of production) {
    if (!has(`/node_modules/${name}/package.json`))
      problems.push(`app.asar lacks the production dependency ${name}`);
  }
  for (const name of Object.keys(packageJson.devDependencies ?? {})) {
    if (!production.has(name) && files.some((path) => path.startsWith(`/node_modules/${name}/`))) {
      problems.push(`app.asar holds the development dependency ${name}`);
    }
  }
  const development = /^\/(src|tests|scripts|docs|native|resources)\/|\.map$|\.(d\.)?[cm]?ts$|\.tsx$/;
  for (const path of files.filter((file) => development.test(file))) problems.push(`app.asar holds ${path}`);

  const binding = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
  const entry = has(`/${binding}`) ? asar.statFile(archive, binding) : null;
  if (!entry?.unpacked) problems.push(`${binding} is not marked unpacked in app.asar`);
  if (!existsSync(join(appDir, 'resources', 'app.asar.unpacked', binding))) {
    problems.push(`${binding} is missing from app.asar.unpacked`);
  }
  for (const resource of ['sample-library.json', 'filmfolio-library.schema.json']) {
    if (!existsSync(join(appDir, 'resources', resource))) problems.push(`resources/${resource} is missing`);
  }

  const fuses = readFuses(join(appDir, packageJson.name));
  const wanted = {
    RunAsNode: false,
    EnableNodeOptionsEnvironmentVariable: false,
    EnableNodeCliInspectArguments: false,
    EnableEmbeddedAsarIntegrityValidation: true,
    OnlyLoadAppFromAsar: true,
    EnableCookieEncryption: true,
  };
  for (const [fuse, value] of Object.entries(wanted)) {
    if (fuses[fuse] !== value) problems.push(`the ${fuse} fuse is ${fuses[fuse] ? 'on' : 'off'}`);
  }
  return { files, fuses, production: [...production].sort(), problems };
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'filmfolio-package-'));
  try {
    const appDir = packageWithStandIn(work);
    const report = inspectPackage(appDir);
    console.log(
      `app.asar: ${report.files.length} entries; production dependencies: ${report.production.join(', ')}`,
    );
    console.log(
      `fuses: ${Object.entries(report.fuses)
        .map(([name, on]) => `${name}=${on ? 'on' : 'off'}`)
        .join(' ')}`,
    );
    for (const problem of report.problems) console.error(`✗ ${problem}`);
    if (process.argv.includes('--keep')) console.log(`Kept: ${appDir}`);
    console.log(
      report.problems.length === 0
        ? '✓ the package is as configured'
        : `${report.problems.length} problem(s)`,
    );
    process.exitCode = report.problems.length === 0 ? 0 : 1;
  } finally {
    if (!process.argv.includes('--keep')) rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
