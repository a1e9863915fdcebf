#!/usr/bin/env node
// `npm run schema`: writes resources/filmfolio-library.schema.json, the published JSON Schema of the
// library file, generated from the film schema the importer validates with (src/shared/film-schema.ts).
// A unit test (tests/unit/json-schema.test.ts) fails when the checked-in file is stale.
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { module } = await runnerImport(join(root, 'src/main/library/transfer/json-schema.ts'), {
  configFile: false,
  logLevel: 'error',
});
const target = join(root, module.LIBRARY_SCHEMA_FILE);
await writeFile(target, module.libraryJsonSchemaText(), 'utf8');
console.log(`Wrote ${module.LIBRARY_SCHEMA_FILE}`);
