// The schema file the package exports for editors is generated at build
// (scripts/write-gagefile-schema.mjs) from `gagefileSchema`: resolved through
// the package's `exports`, it is the generator's text of the built schema.
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gagefileSchema } from '@gage/stage';
import { SCHEMA_PATH, schemaText } from '../scripts/write-gagefile-schema.mjs';

const require = createRequire(import.meta.url);

describe('@gage/stage/gagefile.schema.json', () => {
  test('resolves to the file the build writes', () => {
    expect(require.resolve('@gage/stage/gagefile.schema.json')).toBe(SCHEMA_PATH);
  });

  test('is the generator text of gagefileSchema', () => {
    const text = readFileSync(require.resolve('@gage/stage/gagefile.schema.json'), 'utf8');
    expect(text).toBe(schemaText(gagefileSchema));
  });
});
