// Summarizes a .cpuprofile (node --cpu-prof): top functions by self time and
// by inclusive time. `node bench/_profile-top.mjs FILE [N]`
import { readFileSync } from 'node:fs';

const [file, nArg] = process.argv.slice(2);
const top = Number(nArg ?? 15);
const prof = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const dt = new Map();
for (let i = 0; i < prof.samples.length; i++) dt.set(prof.samples[i], (dt.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
const label = (n) => {
  const f = n.callFrame;
  const url = f.url.replace(/^.*\/(packages|node_modules)\//, '$1/');
  return `${f.functionName || '(anonymous)'} ${url}:${f.lineNumber + 1}`;
};
const self = new Map();
for (const n of prof.nodes) self.set(label(n), (self.get(label(n)) ?? 0) + (dt.get(n.id) ?? 0));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (const n of prof.nodes) {
  const t = dt.get(n.id) ?? 0;
  if (!t) continue;
  const seen = new Set();
  for (let id = n.id; id !== undefined; id = parent.get(id)) {
    const l = label(byId.get(id));
    if (seen.has(l)) continue;
    seen.add(l);
    incl.set(l, (incl.get(l) ?? 0) + t);
  }
}
const total = [...dt.values()].reduce((a, b) => a + b, 0);
const show = (title, m) => {
  console.log(`${title} (total ${(total / 1000).toFixed(0)} ms)`);
  for (const [l, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${(t / 1000).toFixed(1).padStart(8)} ms  ${l}`);
};
show('self time', self);
show('inclusive time', incl);
