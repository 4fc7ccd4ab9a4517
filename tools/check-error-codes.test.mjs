// Tests of check-error-codes.mjs on made-up packages (node --test tools/).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { checkErrorCodes, stripComments } from './check-error-codes.mjs';

const root = mkdtempSync(join(tmpdir(), 'gage-error-codes-'));
after(() => rmSync(root, { recursive: true, force: true }));

const TYPES_ERRORS = `export type TypesErrorCode = 'ERR_GAGE_OPREF';
export class OpRefError extends GageError<TypesErrorCode> {
  constructor() { super('ERR_GAGE_OPREF', 'bad opref'); }
}
`;
const TYPES_README = '# types\n\n## Errors\n\n| code | when |\n|---|---|\n| `ERR_GAGE_OPREF` | bad opref |\n';
const META_ERRORS = `export type MetaErrorCode =
  | 'ERR_GAGE_RUN_LOCKED'
  | 'ERR_GAGE_RUN_GONE';
export class RunLockedError extends GageError<MetaErrorCode> {
  constructor() { super('ERR_GAGE_RUN_LOCKED', 'locked'); }
}
export class RunGoneError extends GageError<MetaErrorCode> {
  constructor() { super('ERR_GAGE_RUN_GONE', 'gone'); }
}
`;
const META_README = `# meta

## Errors

| class | code | when |
|---|---|---|
| \`RunLockedError\` | \`ERR_GAGE_RUN_LOCKED\` | locked |
| \`RunGoneError\` | \`ERR_GAGE_RUN_GONE\` | gone |
| \`OpRefError\` (from types) | \`ERR_GAGE_OPREF\` | passed on |
`;

let n = 0;
/** A `packages/` dir with `types` and `meta` made of `files` (path → text); returns meta's dir. */
function workspace(files) {
  const dir = join(root, `ws${n++}`, 'packages');
  const all = {
    'types/src/errors.ts': TYPES_ERRORS,
    'types/README.md': TYPES_README,
    'meta/src/errors.ts': META_ERRORS,
    'meta/README.md': META_README,
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    if (text === undefined) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return join(dir, 'meta');
}

test('a package whose codes and README agree has no problems', () => {
  assert.deepEqual(checkErrorCodes(workspace({})), []);
  assert.deepEqual(checkErrorCodes(join(dirname(workspace({})), 'types')), []);
});

test('a code added to the union but not to the README fails', () => {
  const dir = workspace({
    'meta/src/errors.ts': META_ERRORS.replace("| 'ERR_GAGE_RUN_GONE';", "| 'ERR_GAGE_RUN_GONE'\n  | 'ERR_GAGE_RUN_NEW';"),
    'meta/src/new.ts': "export const make = () => new RunLockedError('ERR_GAGE_RUN_NEW');\n",
  });
  assert.deepEqual(checkErrorCodes(dir), ['src/errors.ts:1 (MetaErrorCode): ERR_GAGE_RUN_NEW is missing from the error table of README.md']);
});

test('a code thrown without being declared fails, wherever it is thrown', () => {
  const dir = workspace({ 'meta/src/sub/thrower.ts': "\nthrow new SomeError('ERR_GAGE_UNDECLARED', 'x');\n" });
  assert.deepEqual(checkErrorCodes(dir), [
    "src/sub/thrower.ts:2: 'ERR_GAGE_UNDECLARED' is in no *ErrorCode union: add it to this package's union and to the error table of README.md",
  ]);
});

test('a README code that no package declares fails; codes of lower packages may be listed', () => {
  const dir = workspace({ 'meta/README.md': `${META_README}| \`OldError\` | \`ERR_GAGE_OLD\` | gone for good |\n` });
  assert.deepEqual(checkErrorCodes(dir), [
    'README.md:10: ERR_GAGE_OLD is listed, but no *ErrorCode union of this package or of one to its left has it',
  ]);
});

test('a declared code that nothing uses fails', () => {
  const dir = workspace({
    'meta/src/errors.ts': META_ERRORS.replace("  constructor() { super('ERR_GAGE_RUN_GONE', 'gone'); }",
      "  constructor() { super('ERR_GAGE_RUN_LOCKED', 'gone'); }"),
  });
  assert.deepEqual(checkErrorCodes(dir), ['src/errors.ts:1 (MetaErrorCode): ERR_GAGE_RUN_GONE is declared but never used']);
});

test('codes in comments, tests and tables without a code column do not count', () => {
  const dir = workspace({
    'meta/src/doc.ts': "/** if (err.code === 'ERR_GAGE_IN_BLOCK') */\n// 'ERR_GAGE_IN_LINE'\nconst url = 'http://x'; // 'ERR_GAGE_AFTER_STRING'\n",
    'meta/src/doc.test.ts': "throw new Error('ERR_GAGE_IN_TEST');\n",
    'meta/README.md': `${META_README}\n| case | message |\n|---|---|\n| \`ERR_GAGE_NOT_A_CODE_TABLE\` | x |\n`,
  });
  assert.deepEqual(checkErrorCodes(dir), []);
});

test('stripComments() keeps strings, templates and regular expressions', () => {
  const text = "const a = '//x'; /* c */ const b = `${'/*'}`; const r = /\\/\\//; return /'/.test(a); // end";
  assert.equal(stripComments(text), "const a = '//x';         const b = `${'/*'}`; const r = /\\/\\//; return /'/.test(a);       ");
});
