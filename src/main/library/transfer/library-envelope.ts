import { LIBRARY_FORMAT, LIBRARY_VERSION, libraryFileSchema } from '../../../shared/film-schema';
import type { Problem } from '../../../shared/contract';

/** The outer object of a library file, around its films. */
const ENVELOPE_KEYS = new Set(['format', 'version', 'exportedAt', 'films']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const shape = `{"format": "${LIBRARY_FORMAT}", "version": ${LIBRARY_VERSION}, "films": […]}`;

/** Why the file's format or version cannot be read, in words, or null when they can. */
function formatProblem(envelope: Record<string, unknown>): string | null {
  const { format, version } = envelope;
  if (format === undefined)
    return `has no "format": it is not a Filmfolio library file (those look like ${shape})`;
  if (format !== LIBRARY_FORMAT) {
    return `is a ${JSON.stringify(format)?.slice(0, 60)} file, not a Filmfolio library (its "format" must be "${LIBRARY_FORMAT}")`;
  }
  if (version === undefined)
    return `has no "version"; a Filmfolio library says which version of the format it uses`;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return `has the version ${JSON.stringify(version)?.slice(0, 40)}; Filmfolio library versions are whole numbers from 1`;
  }
  if (version > LIBRARY_VERSION) {
    return (
      `This file is version ${version} of the Filmfolio library format; this version of Filmfolio reads ` +
      `version ${LIBRARY_VERSION}. Update Filmfolio to import it.`
    );
  }
  return null;
}

/** The outer object checked: a refusal (nothing can be imported), or warnings about fields left out. */
export function checkEnvelope(value: unknown): { refusal: string } | { warnings: Problem[] } {
  if (!isRecord(value)) {
    const what = Array.isArray(value) ? 'a JSON list' : `a JSON ${value === null ? 'null' : typeof value}`;
    return { refusal: `is ${what}, not a Filmfolio library (which looks like ${shape})` };
  }
  const refusal = formatProblem(value);
  if (refusal) return { refusal };
  if (!Array.isArray(value.films)) {
    return {
      refusal:
        value.films === undefined
          ? 'has no "films" list; a library file keeps its films in one'
          : '"films" must be a list of films',
    };
  }
  const warnings: Problem[] = Object.keys(value)
    .filter((key) => !ENVELOPE_KEYS.has(key))
    .map((key) => ({ path: key, message: 'unknown field, left out' }));
  if (
    value.exportedAt !== undefined &&
    !libraryFileSchema.shape.exportedAt.safeParse(value.exportedAt).success
  ) {
    warnings.push({ path: 'exportedAt', message: 'is not an ISO 8601 timestamp; left out' });
  }
  return { warnings };
}
