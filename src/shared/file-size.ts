const STEP = 1024;
const UNITS = ['KB', 'MB', 'GB'] as const;

/** Kilobytes from ten on are whole; every other figure keeps its tenth. */
const figure = (value: number, unit: number): string =>
  unit === 0 && value >= 10 ? String(Math.round(value)) : value.toFixed(1);

/**
 * A size as people read it, the same everywhere Filmfolio names one (the window, the CLI, the
 * problems an import or a poster reports): `1 byte`, `812 bytes`, `2.0 KB`, `840 KB`, `1.3 MB`,
 * `21.0 MB`, `2.1 GB`. Megabytes and gigabytes keep their tenth, so a size just over a limit never
 * reads as the limit itself ("20.4 MB is larger than the 20.0 MB allowed"); a figure that would
 * read 1024 of a unit is given in the next ("1.0 MB", not "1024 KB").
 */
export function fileSize(bytes: number): string {
  if (bytes < STEP) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  let value = bytes / STEP;
  let unit = 0;
  while (unit < UNITS.length - 1 && Number(figure(value, unit)) >= STEP) {
    value /= STEP;
    unit += 1;
  }
  return `${figure(value, unit)} ${UNITS[unit]}`;
}
