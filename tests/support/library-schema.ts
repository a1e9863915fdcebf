import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { repoRoot } from './temp-library';

/** The published JSON Schema, as checked into resources/. */
export const schemaPath = join(repoRoot, 'resources', 'filmfolio-library.schema.json');

/**
 * A validator for the published schema, by a JSON Schema implementation that knows nothing of
 * zod. Formats are left to the patterns zod writes beside them (ajv-formats is not installed).
 */
export function publishedSchemaValidator() {
  const ajv = new Ajv2020({ allErrors: true, validateFormats: false });
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
}
