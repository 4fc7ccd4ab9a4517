#!/usr/bin/env node
// Writes dist/gagefile.schema.json, the file `@gage/stage/gagefile.schema.json`
// exports for editors, from `gagefileSchema` in the built package (its one
// source: src/gagefile/gagefile-schema.ts). Runs as the last step of `build`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the build puts the schema file. */
export const SCHEMA_PATH = fileURLToPath(new URL('../dist/gagefile.schema.json', import.meta.url));

/**
 * The text of the schema file: two-space JSON and a final newline.
 * @param {unknown} schema
 * @returns {string}
 */
export function schemaText(schema) {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { gagefileSchema } = await import('../dist/index.js');
  writeFileSync(SCHEMA_PATH, schemaText(gagefileSchema));
}
