import type { z } from 'zod';
import { formatPath, problemsOf, type Problem } from '../../../shared/contract';
import { filmInputSchema, type ParsedFilm } from '../../../shared/film-schema';
import { plainValidFilm } from './plain-film';

/** A record after the film schema: the film, or the problems that reject it; warnings either way. */
export type CheckedFilm = { film: ParsedFilm | null; problems: Problem[]; warnings: Problem[] };

/** Unknown fields nest at most as deep as the schema; each pass strips one layer's worth. */
const MAX_PASSES = 4;

/** The object at `path` inside freshly parsed JSON (own properties only), or undefined. */
function objectAt(root: unknown, path: readonly PropertyKey[]): Record<string, unknown> | undefined {
  let current = root;
  for (const part of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, part)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return typeof current === 'object' && current !== null ? (current as Record<string, unknown>) : undefined;
}

/** Removes the unknown fields zod reported, returning a warning for each. */
function stripUnknownFields(
  value: unknown,
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[],
) {
  const warnings: Problem[] = [];
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const holder = objectAt(value, issue.path);
    for (const key of issue.keys) {
      if (holder) delete holder[key];
      warnings.push({
        path: formatPath([...prefix, ...issue.path, key]),
        message: 'unknown field, left out',
      });
    }
  }
  return warnings;
}

/**
 * Validates one incoming record with the one film schema. Unknown fields do not reject a record:
 * they are left out and listed as warnings (the preview shows them), and the rest is validated
 * again, so a file from a newer Filmfolio or another tool still imports what it can. Every other
 * problem rejects the record, all of them reported at once with their place.
 */
export function checkFilm(value: unknown, prefix: readonly PropertyKey[]): CheckedFilm {
  // Most films of a file are plainly valid: they skip the schema's (much slower) general path.
  const plain = plainValidFilm(value);
  if (plain) return { film: plain, problems: [], warnings: [] };
  const warnings: Problem[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const result = filmInputSchema.safeParse(value, { reportInput: true });
    if (result.success) return { film: result.data, problems: [], warnings };
    const unknown = result.error.issues.filter((issue) => issue.code === 'unrecognized_keys');
    if (unknown.length === 0 || pass === MAX_PASSES - 1) {
      return { film: null, problems: problemsOf(result.error, prefix), warnings };
    }
    warnings.push(...stripUnknownFields(value, unknown, prefix));
  }
  return { film: null, problems: [{ path: formatPath(prefix), message: 'could not be checked' }], warnings };
}
