import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { libraryJsonSchemaText } from '../../src/main/library/transfer';
import { libraryText } from '../support/library-files';
import { publishedSchemaValidator, schemaPath } from '../support/library-schema';
import { samplePath } from '../support/temp-library';

describe('the published JSON Schema of the library file', () => {
  it('is the one generated from the film schema (run `npm run schema` when this fails)', () => {
    expect(readFileSync(schemaPath, 'utf8')).toBe(libraryJsonSchemaText());
  });

  it('accepts the sample library and a minimal file', () => {
    const validate = publishedSchemaValidator();
    expect(validate(JSON.parse(readFileSync(samplePath, 'utf8')))).toBe(true);
    expect(validate(JSON.parse(libraryText([{ title: 'Only a title' }])))).toBe(true);
  });

  it('refuses what the importer refuses: wrong types, unknown fields, another version', () => {
    const validate = publishedSchemaValidator();
    const refuses = (file: unknown) => {
      const valid = validate(file);
      return valid ? [] : (validate.errors ?? []).map((error) => error.instancePath);
    };
    expect(
      refuses(
        JSON.parse(
          libraryText([{ title: 'X', boxOffice: { worldwide: { amount: '20,554', currency: 'USD' } } }]),
        ),
      ),
    ).toContain('/films/0/boxOffice/worldwide/amount');
    expect(refuses(JSON.parse(libraryText([{ title: 'X', mood: 'sunny' }])))).toContain('/films/0');
    expect(refuses(JSON.parse(libraryText([], { version: 2 })))).toContain('/version');
    expect(refuses(JSON.parse(libraryText([{ title: 'X', year: 1869 }])))).toContain('/films/0/year');
  });
});
