/** Types for scripts/icons.mjs, which tests/unit/packaging.test.ts imports. */
export const PNG_SIZES: number[];
export const ICO_SIZES: number[];
export const ICNS_TYPES: Record<string, number>;
export function assembleIco(pngs: { size: number; data: Buffer }[]): Buffer;
export function assembleIcns(entries: { type: string; data: Buffer }[]): Buffer;
export function sourceDigest(svg: Buffer | string): string;
