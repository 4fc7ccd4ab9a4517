#!/usr/bin/env node
// Totals every test that ran: Jest results (jest-results.json) and Deno results
// (deno-results.xml, JUnit) of each package. Prints `N passed, N failed` last.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
let passed = 0;
let failed = 0;
const lines = [];
const failures = [];
// The first lines of a failure, so that the tail of a CI log names what failed and why.
const firstLines = (text = '') => text.replace(/\x1b\[[0-9;]*m/g, '').split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 6).join(' | ');
for (const dir of ['packages', 'internal', 'tests']) {
  const base = join(root, dir);
  if (!existsSync(base)) continue;
  const pkgs = readdirSync(base).map((p) => join(base, p));
  for (const pkg of pkgs) {
    const jestFile = join(pkg, 'jest-results.json');
    if (existsSync(jestFile)) {
      const r = JSON.parse(readFileSync(jestFile, 'utf8'));
      passed += r.numPassedTests;
      failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
      lines.push(`jest ${pkg.slice(root.length + 1)}: ${r.numPassedTests} passed, ${r.numFailedTests} failed` +
        (r.numRuntimeErrorTestSuites ? `, ${r.numRuntimeErrorTestSuites} suites failed to run` : ''));
      for (const suite of r.testResults ?? []) {
        const file = suite.name.slice(root.length + 1);
        if (suite.status === 'failed' && !(suite.assertionResults ?? []).some((a) => a.status === 'failed')) {
          failures.push(`  ${file}: ${firstLines(suite.message)}`);
        }
        for (const a of suite.assertionResults ?? []) {
          if (a.status === 'failed') failures.push(`  ${file} > ${a.fullName}: ${firstLines((a.failureMessages ?? []).join('\n'))}`);
        }
      }
    }
    const denoFile = join(pkg, 'deno-results.xml');
    if (existsSync(denoFile)) {
      const xml = readFileSync(denoFile, 'utf8');
      const m = /<testsuites[^>]*\btests="(\d+)"[^>]*\bfailures="(\d+)"(?:[^>]*\berrors="(\d+)")?/.exec(xml);
      if (m) {
        const total = Number(m[1]);
        const f = Number(m[2]) + Number(m[3] ?? 0);
        passed += total - f;
        failed += f;
        lines.push(`deno ${pkg.slice(root.length + 1)}: ${total - f} passed, ${f} failed`);
      }
    }
  }
}
for (const line of lines) console.log(line);
if (failures.length > 0) console.log(`failed tests:\n${failures.join('\n')}`);
if (failed > 0 || passed === 0) process.exitCode = 1;
console.log(`${passed} passed, ${failed} failed`);
