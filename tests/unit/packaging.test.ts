import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ICNS_TYPES, ICO_SIZES, PNG_SIZES, sourceDigest } from '../../scripts/icons.mjs';
import { inspectPackage, makeStandInElectron, packageWithStandIn } from '../../scripts/package-check.mjs';
import { ensureBuilt } from '../e2e/build';
import { repoRoot } from '../support/temp-library';

const require = createRequire(import.meta.url);
const buildDir = join(repoRoot, 'resources', 'build');
const work = mkdtempSync(join(tmpdir(), 'filmfolio-packaging-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (!bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the icons, generated from resources/icon.svg', () => {
  it('come from the SVG as it is now (run `node scripts/icons.mjs` after changing it)', () => {
    const recorded = readFileSync(join(buildDir, 'icons', 'source.sha256'), 'utf8').split(/\s+/)[0];
    expect(recorded).toBe(sourceDigest(readFileSync(join(repoRoot, 'resources', 'icon.svg'))));
  });

  it('include a Linux PNG of every size, each really that size', () => {
    for (const size of PNG_SIZES) {
      expect(pngSize(readFileSync(join(buildDir, 'icons', `${size}x${size}.png`))), `${size}`).toEqual({
        width: size,
        height: size,
      });
    }
  });

  it('include a Windows .ico whose entries are PNGs of the sizes they claim, up to 256', () => {
    const ico = readFileSync(join(buildDir, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes: number[] = [];
    for (let index = 0; index < ico.readUInt16LE(4); index += 1) {
      const entry = 6 + index * 16;
      const claimed = ico.readUInt8(entry) || 256;
      const image = ico.subarray(
        ico.readUInt32LE(entry + 12),
        ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8),
      );
      expect(pngSize(image)).toEqual({ width: claimed, height: claimed });
      sizes.push(claimed);
    }
    expect(sizes).toEqual(ICO_SIZES);
  });

  it('include a macOS .icns whose blocks are PNGs of their types’ sizes, up to 1024', () => {
    const icns = readFileSync(join(buildDir, 'icon.icns'));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: Record<string, number> = {};
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      const type = icns.toString('latin1', at, at + 4);
      found[type] = pngSize(icns.subarray(at + 8, at + icns.readUInt32BE(at + 4)))!.width;
    }
    expect(found).toEqual(ICNS_TYPES);
  });

  it('are the ones electron-builder is told to use', () => {
    const yaml = require('js-yaml') as { load(text: string): unknown };
    const config = yaml.load(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')) as Record<
      string,
      { icon?: string }
    >;
    expect(config.mac?.icon).toBe('resources/build/icon.icns');
    expect(config.win?.icon).toBe('resources/build/icon.ico');
    expect(config.linux?.icon).toBe('resources/build/icons');
  });
});

describe('the package electron-builder makes (against a stand-in Electron)', () => {
  it('holds the built app and its runtime dependencies, not tests or dev dependencies; the native module unpacked; fuses set', async () => {
    await ensureBuilt();
    const report = inspectPackage(packageWithStandIn(work));
    expect(report.problems).toEqual([]);
    expect(report.files).toEqual(
      expect.arrayContaining([
        '/out/main/index.js',
        '/out/renderer/index.html',
        '/node_modules/kysely/package.json',
      ]),
    );
    expect(
      report.files.filter((path) => /^\/node_modules\/(react|vitest|electron|typescript)\//.test(path)),
    ).toEqual([]);
    expect(report.production).toEqual(expect.arrayContaining(['better-sqlite3', 'kysely', 'zod']));
    expect(report.fuses).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      OnlyLoadAppFromAsar: true,
    });
  }, 240_000);

  it('the check finds what a careless package would hold', async () => {
    const appDir = join(work, 'careless', 'linux-unpacked');
    const source = join(work, 'careless-source');
    for (const file of [
      'src/main/index.ts',
      'out/main/index.js',
      'out/main/index.js.map',
      'node_modules/vitest/package.json',
    ]) {
      mkdirSync(join(source, file, '..'), { recursive: true });
      writeFileSync(join(source, file), '{}');
    }
    cpSync(join(repoRoot, 'package.json'), join(source, 'package.json'));
    mkdirSync(join(appDir, 'resources'), { recursive: true });
    const asar = require('@electron/asar') as { createPackage(src: string, dest: string): Promise<unknown> };
    await asar.createPackage(source, join(appDir, 'resources', 'app.asar'));
    const electron = makeStandInElectron(join(work, 'careless-electron'));
    cpSync(join(electron, 'electron'), join(appDir, 'filmfolio'));
    const { problems } = inspectPackage(appDir);
    expect(problems).toEqual(
      expect.arrayContaining([
        'app.asar lacks /out/preload/index.js',
        'app.asar lacks the production dependency kysely',
        'app.asar holds the development dependency vitest',
        'app.asar holds /src/main/index.ts',
        'app.asar holds /out/main/index.js.map',
        'node_modules/better-sqlite3/build/Release/better_sqlite3.node is missing from app.asar.unpacked',
        'resources/sample-library.json is missing',
        'the RunAsNode fuse is on',
        'the OnlyLoadAppFromAsar fuse is off',
      ]),
    );
  });
});
