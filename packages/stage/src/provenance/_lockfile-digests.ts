import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compareCodePoints } from '@gage/types';
import type { Provenance } from './provenance.js';

const LOCKFILE = /^(?:requirements.*\.txt|uv\.lock|poetry\.lock|Pipfile\.lock|environment\.yml|pnpm-lock\.yaml|package-lock\.json)$/;

/**
 * sha256 of each lockfile or requirements file at the root of `projectDir`
 * (decision 18), by file name in code point order; a file that cannot be
 * read gets its error instead.
 */
export async function lockfileDigests(projectDir: string): Promise<Provenance['lockfiles']> {
  let names: string[];
  try {
    names = readdirSync(projectDir, { withFileTypes: true }).filter((e) => !e.isDirectory() && LOCKFILE.test(e.name)).map((e) => e.name);
  } catch {
    return {};
  }
  names.sort(compareCodePoints);
  const out: Provenance['lockfiles'] = {};
  for (const name of names) {
    try {
      // Never open a FIFO or device: reading one could block staging.
      if (!statSync(join(projectDir, name)).isFile()) throw new Error('not a regular file');
      out[name] = { sha256: createHash('sha256').update(await readFile(join(projectDir, name))).digest('hex') };
    } catch (err) {
      out[name] = { error: (err as Error).message };
    }
  }
  return out;
}
