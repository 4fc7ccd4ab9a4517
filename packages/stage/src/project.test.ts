import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import * as main from './index.js';
import * as project from './project.js';

const SRC = dirname(fileURLToPath(import.meta.url));

/**
 * The packages the modules reachable from `file` import at run time (type-only
 * imports left out), following this package's relative imports.
 */
function runtimePackages(file: string, seen = new Set<string>(), found = new Set<string>()): Set<string> {
  if (seen.has(file)) return found;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)) {
    const [, , typeOnly, spec] = m as unknown as [string, string, string | undefined, string];
    if (typeOnly) continue;
    if (spec.startsWith('.')) runtimePackages(join(dirname(file), spec.replace(/\.js$/, '.ts')), seen, found);
    else if (!spec.startsWith('node:')) found.add(spec);
  }
  for (const m of text.matchAll(/import\(\s*'([^']+)'\s*\)/g)) {
    const spec = m[1] as string;
    if (!spec.startsWith('.')) found.add(spec);
  }
  return found;
}

describe("the entry '@gage/stage/project'", () => {
  test('exports the functions of the main entry, the same objects', () => {
    const names = Object.keys(project).sort();
    expect(names).toEqual(['GAGEFILE_CANDIDATES', 'PROJECT_MARKERS', 'findGagefile', 'findProjectDir', 'loadGagefile', 'projectNamespace', 'readProjectConfig',
      'resolveOperation']);
    for (const name of names) expect(project[name as keyof typeof project]).toBe(main[name as keyof typeof main]);
  });

  test('imports no process code (@gage/proc, execa)', () => {
    // smol-toml and yaml only on demand (a TOML or YAML Gage file), @gage/meta for makeLoopYield.
    expect([...runtimePackages(join(SRC, 'project.ts'))].sort()).toEqual(['@gage/meta', '@gage/types', 'shlex', 'smol-toml', 'yaml']);
    // The check sees @gage/proc where it is imported.
    expect(runtimePackages(join(SRC, 'index.ts')).has('@gage/proc')).toBe(true);
  });
});
