#!/usr/bin/env node
// House lint for one package (run in the package dir): the layer rule of
// decision 1, `node:` built-ins, no CJS globals, no default exports, and the
// error codes of the package against its README (check-error-codes.mjs).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { checkErrorCodes } from './check-error-codes.mjs';

const LAYERS = ['types', 'meta', 'proc', 'stage', 'view', 'cli'];
// Layers a package may not import although they are to its left: the web app
// of `gage view` reads runs (meta, proc) and never stages (decision 26).
const SKIPPED = { view: ['stage'] };
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const self = pkg.name.replace('@gage/', '');
// A private package outside the layers (internal/test-utils) imports no @gage package.
const allowed = new Set(
  LAYERS.includes(self)
    ? LAYERS.slice(0, LAYERS.indexOf(self)).filter((n) => !(SKIPPED[self] ?? []).includes(n)).map((n) => `@gage/${n}`)
    : [],
);
// The shared test helpers (a devDependency): for tests only.
const TEST_ONLY = new Set(['@jest/globals', '@gage/test-utils']);
const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]);
const builtins = new Set(builtinModules);
const problems = [];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (p.endsWith('.ts')) yield p;
  }
}

const srcRoot = resolve('src');
for (const file of files('src')) {
  const text = readFileSync(file, 'utf8');
  const isTest = file.endsWith('.test.ts');
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    for (const m of line.matchAll(/(?:from\s+|import\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/g)) {
      const spec = m[1];
      if (/[\s$]/.test(spec)) continue; // prose in a string ("... is missing from "${dir}"), not a module specifier
      if (spec.startsWith('.')) {
        const target = resolve(file, '..', spec);
        if (relative(srcRoot, target).startsWith('..') && !isTest) problems.push(`${where}: relative import leaves src: ${spec}`);
        continue;
      }
      if (spec.startsWith('node:')) continue;
      const base = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
      if (builtins.has(base)) problems.push(`${where}: import built-in as 'node:${spec}'`);
      else if (!isTest && TEST_ONLY.has(base)) problems.push(`${where}: ${base} is for tests only`);
      else if (base.startsWith('@gage/') && !allowed.has(base) && !(isTest && (base === pkg.name || TEST_ONLY.has(base)))) {
        problems.push(`${where}: @gage/${self} may not import ${base} (layers: ${LAYERS.join(' <- ')})`);
      } else if (!declared.has(base) && !(isTest && base === '@jest/globals') && base !== pkg.name) {
        problems.push(`${where}: ${base} is not declared in package.json`);
      }
    }
    if (isTest) return;
    if (/\b(__dirname|__filename)\b/.test(line)) problems.push(`${where}: use import.meta.dirname / fileURLToPath, not CJS globals`);
    if (/(^|[^.\w])require\s*\(/.test(line) && !/createRequire/.test(text)) problems.push(`${where}: no require() in ESM sources`);
    // An ambient module (`declare module '*.md'` in a .d.ts) describes a default export that the bundler makes.
    if (/^\s*export\s+default\b/.test(line) && !file.endsWith('.d.ts')) problems.push(`${where}: named exports only`);
  });
}
problems.push(...checkErrorCodes('.'));
// A published package: provenance-ready fields, the publish guard, and a lint of
// its tarball (publint, attw). README "Releasing".
if (!pkg.private) {
  const dir = relative(resolve('../..'), resolve('.'));
  if (!String(pkg.scripts?.lint).includes('lint-pack.mjs')) problems.push(`package.json: scripts.lint runs 'node ../../tools/lint-pack.mjs'`);
  if (pkg.scripts?.prepublishOnly !== 'node ../../tools/prepublish-check.mjs') {
    problems.push(`package.json: scripts.prepublishOnly is 'node ../../tools/prepublish-check.mjs'`);
  }
  if (pkg.publishConfig?.access !== 'public') problems.push(`package.json: publishConfig.access is 'public'`);
  if (!pkg.license) problems.push(`package.json: license is set`);
  if (!pkg.engines?.node) problems.push(`package.json: engines.node is set`);
  if (pkg.repository?.directory !== dir || !pkg.repository?.url)
    problems.push(`package.json: repository has url and directory '${dir}' (npm provenance checks them)`);
}
if (problems.length) {
  for (const p of problems) console.error(p);
  console.error(`lint: ${problems.length} problem(s) in ${pkg.name}`);
  process.exit(1);
}
console.log(`lint: ${pkg.name} ok`);
