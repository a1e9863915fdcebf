#!/usr/bin/env node
// Renders resources/icon.svg, the one source image, into every icon the platforms want:
//   resources/build/icons/<N>x<N>.png  (Linux icon set, 16…1024)
//   resources/build/icon.ico           (Windows: PNG entries 16…256)
//   resources/build/icon.icns          (macOS: PNG entries 16…1024, @2x included)
//   resources/build/icons/source.sha256 (which SVG they came from; a test compares it)
// No image library is installed: Chromium (playwright-core, Debian's /usr/bin/chromium) draws the
// SVG at each size, and the .ico/.icns containers are assembled here from those PNGs.
// Run it after changing the SVG: `node scripts/icons.mjs`. The results are checked in.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourcePath = join(root, 'resources', 'icon.svg');
const buildDir = join(root, 'resources', 'build');
const iconsDir = join(buildDir, 'icons');

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS entry types that hold PNG data, and the pixel size of each. */
export const ICNS_TYPES = {
  icp4: 16,
  icp5: 32,
  icp6: 64,
  ic07: 128,
  ic08: 256,
  ic09: 512,
  ic10: 1024,
  ic11: 32,
  ic12: 64,
  ic13: 256,
  ic14: 512,
};

function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found)
    throw new Error('No Chromium found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
  return found;
}

async function renderPngs(svg) {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    const pngs = new Map();
    for (const size of PNG_SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><img src="${source}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.locator('img').evaluate((image) => image.decode());
      pngs.set(
        size,
        await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }),
      );
    }
    return pngs;
  } finally {
    await browser.close();
  }
}

/** A Windows .ico holding PNG images (Vista and later read PNG entries; 256 is written as 0). */
export function assembleIco(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  const entries = [];
  let offset = 6 + 16 * pngs.length;
  for (const { size, data } of pngs) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2);
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += data.length;
  }
  return Buffer.concat([header, ...entries, ...pngs.map(({ data }) => data)]);
}

/** A macOS .icns: 'icns', its length, then one (type, length, PNG) block per entry. */
export function assembleIcns(entries) {
  const blocks = entries.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + data.length, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + blocks.reduce((sum, block) => sum + block.length, 0), 4);
  return Buffer.concat([head, ...blocks]);
}

export function sourceDigest(svg) {
  return createHash('sha256').update(svg).digest('hex');
}

async function main() {
  const svg = readFileSync(sourcePath);
  const pngs = await renderPngs(svg);
  mkdirSync(iconsDir, { recursive: true });
  for (const [size, data] of pngs) writeFileSync(join(iconsDir, `${size}x${size}.png`), data);
  writeFileSync(
    join(buildDir, 'icon.ico'),
    assembleIco(ICO_SIZES.map((size) => ({ size, data: pngs.get(size) }))),
  );
  writeFileSync(
    join(buildDir, 'icon.icns'),
    assembleIcns(Object.entries(ICNS_TYPES).map(([type, size]) => ({ type, data: pngs.get(size) }))),
  );
  writeFileSync(join(iconsDir, 'source.sha256'), `${sourceDigest(svg)}  resources/icon.svg\n`);
  console.log(
    `Icons from resources/icon.svg: ${PNG_SIZES.length} PNGs, icon.ico, icon.icns in resources/build/`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
