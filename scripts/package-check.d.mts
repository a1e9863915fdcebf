/** Types for scripts/package-check.mjs, which tests/unit/packaging.test.ts imports. */
export type PackageReport = {
  /** Every path in app.asar, from its root (`/out/main/index.js`). */
  files: string[];
  /** Each Electron fuse by name: true when on. */
  fuses: Record<string, boolean>;
  /** The production dependencies and what they depend on, by name. */
  production: string[];
  /** What is wrong with the package; empty when it is as configured. */
  problems: string[];
};
export function makeStandInElectron(folder: string): string;
export function packageWithStandIn(workFolder: string): string;
export function inspectPackage(appDir: string): PackageReport;
