#!/usr/bin/env node
// Checks that every spec reference in the sources names a section that
// exists in docs/spec: `lifecycle.md 7.5`, `(stage.md 5.9)`, `cli.md 5.1-5.4`,
// `stage.md 2.4, 6`, `docs/spec/wave2.md`, `decision 12`, `decisions 6 and 7`.
//
//   node tools/check-spec-refs.mjs            # packages/*/src
//   node tools/check-spec-refs.mjs --all      # also tests, deno tests, READMEs, docs, bench, tools
//   node tools/check-spec-refs.mjs --forms    # also list the textual forms found, with counts
//
// Exits 1 when a reference names a section or decision that has no heading.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const SPEC = join(ROOT, 'docs/spec');
const DOCS = ['lifecycle', 'stage', 'cli'];
const argv = process.argv.slice(2);
const all = argv.includes('--all');
const showForms = argv.includes('--forms');

// Section numbers of each spec document: headings `## 7. Staging`, `### 7.5 Phase hooks`.
const sections = new Map();
for (const doc of DOCS) {
  const numbers = new Set();
  for (const line of readFileSync(join(SPEC, `${doc}.md`), 'utf8').split('\n')) {
    const m = /^#{2,4}\s+(\d+(?:\.\d+)*)\.?\s/.exec(line);
    if (m) numbers.add(m[1]);
  }
  sections.set(doc, numbers);
}
// Decisions: headings `### 12. Hooks keep stream codes` in README.md (1-13) and wave2.md (14-27).
const decisions = new Set();
for (const file of ['README.md', 'wave2.md']) {
  for (const line of readFileSync(join(SPEC, file), 'utf8').split('\n')) {
    const m = /^###\s+(\d+)\.\s/.exec(line);
    if (m) decisions.add(Number(m[1]));
  }
}

function* walk(dir) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (/\.(ts|mts|js|mjs|md)$/.test(name)) yield path;
  }
}

const packages = readdirSync(join(ROOT, 'packages')).map((p) => join(ROOT, 'packages', p));
const roots = packages.map((p) => join(p, 'src'));
if (all) {
  for (const p of packages) roots.push(join(p, 'test'), join(p, 'deno'), join(p, 'README.md'));
  for (const t of readdirSync(join(ROOT, 'tests'))) roots.push(join(ROOT, 'tests', t, 'src'));
  roots.push(join(ROOT, 'README.md'), join(ROOT, 'CONTRIBUTING.md'), join(ROOT, 'docs'), join(ROOT, 'bench'), join(ROOT, 'tools'));
}
const files = roots.flatMap((r) => {
  try {
    return statSync(r).isDirectory() ? [...walk(r)] : [r];
  } catch {
    return [];
  }
}).filter((f) => !f.endsWith('check-spec-refs.mjs'));

// A reference may wrap onto the next comment line: blank out line breaks and
// comment markers, keeping offsets so line numbers stay right.
const joinLines = (text) => text.replace(/\n[ \t]*(?:\*(?!\/)|\/\/|#)?[ \t]*/g, (m) => ' '.repeat(m.length));
const NUM = String.raw`\d+(?:\.\d+)*`;
const DOC_REF = new RegExp(
  String
    .raw`(?:docs/spec/)?\b(lifecycle|stage|cli|wave2|README)\.md\b((?:[ \t]+${NUM}(?:[ \t]*[–-][ \t]*${NUM})?)(?:[ \t]*(?:,|and)[ \t]*${NUM}(?:[ \t]*[–-][ \t]*${NUM})?)*)?`,
  'g',
);
const DECISION_REF = /\b[Dd]ecisions?[ \t]+(\d+(?:[ \t]*(?:,|and|to|-|–)[ \t]*\d+)*)/g;

const problems = [];
const forms = new Map();
let refCount = 0;
const filesWithRefs = new Set();
const countForm = (text) => {
  const form = text.replace(/(?<=[ \t,–-])\d+(?:\.\d+)*/g, 'N').replace(/\s+/g, ' ');
  forms.set(form, (forms.get(form) ?? 0) + 1);
};

for (const file of files) {
  const original = readFileSync(file, 'utf8');
  const text = joinLines(original);
  const lineOf = (offset) => original.slice(0, offset).split('\n').length;
  const where = (offset) => `${relative(ROOT, file)}:${lineOf(offset)}`;
  for (const m of text.matchAll(DOC_REF)) {
    const [whole, doc, list] = m;
    // Only the spec's own documents count: a package README.md, or README.md with no number, is not a spec reference.
    if (doc === 'README' && (!list || !/docs\/spec\//.test(whole))) continue;
    refCount++;
    filesWithRefs.add(file);
    countForm(`${text[m.index - 1] === '(' ? '(' : ''}${whole.trim()}`);
    // `wave2.md` and the spec README are cited by decision number, checked below;
    // `stage.md` with no number names the whole document.
    if (doc === 'wave2' || doc === 'README' || !list) continue;
    for (const part of list.split(/,|and/)) {
      for (const n of part.split(/[–-]/).map((s) => s.trim()).filter(Boolean)) {
        if (!sections.get(doc).has(n)) problems.push(`${where(m.index)}: ${doc}.md ${n} has no heading in docs/spec/${doc}.md  (${whole.trim()})`);
      }
    }
  }
  for (const m of text.matchAll(DECISION_REF)) {
    refCount++;
    filesWithRefs.add(file);
    countForm(m[0]);
    const numbers = m[1].split(/[ \t]*(?:,|and|to|-|–)[ \t]*/).map(Number);
    for (const n of numbers) {
      if (!decisions.has(n)) problems.push(`${where(m.index)}: decision ${n} has no heading in docs/spec/README.md or wave2.md  (${m[0]})`);
    }
  }
}

const scope = all ? 'packages/*/{src,test,deno,README.md}, tests/*/src, README.md, CONTRIBUTING.md, docs, bench, tools' : 'packages/*/src';
console.log(`headings: ${DOCS.map((d) => `${d}.md ${sections.get(d).size}`).join(', ')}, decisions ${[...decisions].sort((a, b) => a - b).join(',')}`);
console.log(`scanned ${files.length} files (${scope}): ${refCount} references in ${filesWithRefs.size} files`);
if (showForms) {
  console.log('forms (numbers shown as N):');
  for (const [form, n] of [...forms].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(6)}  ${form}`);
}
for (const p of problems) console.log(`UNRESOLVED ${p}`);
console.log(problems.length ? `${problems.length} unresolved reference(s)` : 'every reference resolves to a heading in docs/spec');
process.exit(problems.length ? 1 : 0);
