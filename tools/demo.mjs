#!/usr/bin/env node
// `pnpm demo`: runs the built `gage` on a copy of examples/hello, with a flag,
// then lists and shows the run. Runs go to a temporary runs dir.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const gage = join(root, 'packages/cli/dist/gage.js');
const work = mkdtempSync(join(tmpdir(), 'gage-demo-'));
const project = join(work, 'hello');
cpSync(join(root, 'examples/hello'), project, { recursive: true });
const env = { ...process.env, GAGE_RUNS: join(work, 'runs') };

function gageCmd(...args) {
  console.log(`\n$ gage ${args.join(' ')}`);
  const r = spawnSync('node', [gage, ...args], { cwd: project, env, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`demo: 'gage ${args.join(' ')}' exited with ${r.status}`);
    process.exit(r.status ?? 1);
  }
}

gageCmd('operations');
gageCmd('run', 'hello', 'name=Ada', 'times=2', '-y');
gageCmd('runs');
gageCmd('show');
console.log(`\nDemo project: ${project}\nRuns dir:     ${env.GAGE_RUNS}`);
