// One cold config patch in a fresh process (as `gage run` does it once per
// run): `node _config-patch-child.mjs <format> <src> <dest> product|baseline`
// prints the elapsed ms of the measured work (module loading excluded). The
// product reads the defaults, patches, writes, and reads the written file
// back as staging's read-back check does (decision 14).
import { readFileSync, writeFileSync } from 'node:fs';
import { pkg } from './_lib.mjs';

const [format, src, dest, mode] = process.argv.slice(2);
const stage = await import(pkg('stage'));
const types = await import(pkg('types'));
// Loaded as `gage run` loads it: the format's module (and parser) only.
const fmt = await stage.loadConfigFormat({ py: 'python', json: 'json', yaml: 'yaml', toml: 'toml' }[format]);

/** New values for every 1/100th key: a changed value of the same type. */
function newValues(config) {
  const keys = Object.keys(config);
  const step = Math.max(1, Math.floor(keys.length / 100));
  const values = {};
  for (let i = 0; i < keys.length && Object.keys(values).length < 100; i += step) {
    const v = config[keys[i]];
    values[keys[i]] = typeof v === 'bigint' ? v + 1n : typeof v === 'number' ? v * 2 + 0.5 : typeof v === 'boolean' ? !v : `${v}-patched`;
  }
  return values;
}

const t0 = performance.now();
const text = readFileSync(src, 'utf8');
let values;
if (mode === 'product') {
  values = newValues(fmt.read(text));
  writeFileSync(dest, fmt.patch(text, values).text);
  const back = fmt.read(readFileSync(dest, 'utf8'));
  for (const [k, v] of Object.entries(values)) if (!Object.is(back[k], v)) throw new Error(`read-back of ${k} failed`);
} else {
  writeFileSync(dest, text);
}
const ms = performance.now() - t0;

// Check (not timed): the product changed exactly the 100 keys, the baseline nothing.
const after = fmt.read(readFileSync(dest, 'utf8'));
const before = fmt.read(text);
const changed = Object.keys(before).filter((k) => !types.configValueEquals(before[k], after[k]));
const expected = mode === 'product' ? 100 : 0;
if (changed.length !== expected) {
  console.error(`${format} ${mode}: ${changed.length} keys changed, expected ${expected}`);
  process.exit(1);
}
console.log(JSON.stringify({ ms, lines: text.split('\n').length - 1 }));
