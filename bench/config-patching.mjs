// config patching: patch 100 keys of a 5,000-line Python, JSON, YAML and
// TOML file (read defaults, patch, write), each in a fresh process, against
// reading and writing the same file unchanged (target: ≤ 50 ms each).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, compare, removeTree, result, runIfMain, tempDir, timeProcess } from './_lib.mjs';

export const name = 'config-patching';

const CHILD = join(ROOT, 'bench/_config-patch-child.mjs');

function value(i) {
  switch (i % 4) {
    case 0:
      return { py: String(i), json: String(i), yaml: String(i), toml: String(i) };
    case 1:
      return { py: `${i}.25`, json: `${i}.25`, yaml: `${i}.25`, toml: `${i}.25` };
    case 2:
      return { py: `'name-${i}'`, json: `"name-${i}"`, yaml: `name-${i}`, toml: `"name-${i}"` };
    default:
      return i % 8 === 3
        ? { py: 'True', json: 'true', yaml: 'true', toml: 'true' }
        : { py: 'False', json: 'false', yaml: 'false', toml: 'false' };
  }
}

/** A config file of about `lines` lines in each format: sections of 50 keys (Python: top-level keys and comments). */
export function makeConfigText(format, lines) {
  const out = [];
  if (format === 'py') {
    out.push('"""Training settings."""', '');
    for (let i = 0; out.length < lines; i++) {
      // A comment line per 50 keys: @lezer/python 1.1.19 reports spurious syntax errors after ~300 comment lines (see docs/performance-history.md, section 8).
      if (i % 50 === 0) out.push(`# group ${i / 50}`);
      out.push(`key_${i} = ${value(i).py}  # setting ${i}`);
    }
    return `${out.join('\n')}\n`;
  }
  const sections = [];
  for (let s = 0, i = 0; s * 52 < lines; s++) {
    const keys = [];
    for (let j = 0; j < 50; j++, i++) keys.push([`key_${i}`, value(i)[format]]);
    sections.push([`section_${s}`, keys]);
  }
  if (format === 'json') {
    const body = sections.map(([s, keys]) => `  "${s}": {\n${keys.map(([k, v]) => `    "${k}": ${v}`).join(',\n')}\n  }`);
    return `{\n${body.join(',\n')}\n}\n`;
  }
  if (format === 'yaml') {
    return sections.map(([s, keys]) => `# ${s}\n${s}:\n${keys.map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`).join('');
  }
  return sections.map(([s, keys]) => `# ${s}\n[${s}]\n${keys.map(([k, v]) => `${k} = ${v}`).join('\n')}\n`).join('\n');
}

export async function run({ quick, rounds }) {
  const dir = await tempDir('config-');
  const rows = [];
  try {
    const lines = quick ? 500 : 5000;
    for (const format of ['py', 'json', 'yaml', 'toml']) {
      const src = join(dir, `config.${format}`);
      await writeFile(src, makeConfigText(format, lines));
      const once = async (mode) => {
        const t = await timeProcess('node', [CHILD, format, src, join(dir, `out-${mode}.${format}`), mode], { stdout: 'pipe' });
        return JSON.parse(t.stdout).ms;
      };
      const r = await compare({
        rounds: rounds ?? (quick ? 1 : 10),
        product: () => once('product'),
        baseline: () => once('baseline'),
      });
      rows.push(
        result(name, `${format}, ${lines} lines, 100 keys`, 'time', r.product.median, 50, 'ms', { stats: r.product, ...r }),
      );
    }
  } finally {
    await removeTree(dir);
  }
  return rows;
}

await runIfMain(import.meta.url, run);
