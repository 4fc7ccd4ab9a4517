import type { JsonObject, JsonValue } from '@gage/types';
import { formatSize } from '../output/format-time.js';

/**
 * The lines of `show`'s Provenance panel (decision 18): git commit, branch,
 * dirty state and patch, remote, Python, lockfile digests (12 hex digits),
 * platform, CPUs, memory and GPUs, as `[name, value]` pairs. Parts that
 * could not be read show their error.
 *
 * @example
 * ```ts
 * provenanceLines({ git: { commit: 'abc', branch: 'main', remote: null, dirty: false }, lockfiles: {}, memory: 8000000000n });
 * // [['commit', 'abc'], ['branch', 'main'], ['memory', '8.0 GB']]
 * ```
 */
export function provenanceLines(p: JsonObject): [string, string][] {
  const lines: [string, string][] = [];
  const git = obj(p['git']);
  if (git) {
    if (typeof git['error'] === 'string') lines.push(['git', `error: ${git['error']}`]);
    else {
      const patch = obj(git['patch']);
      const state = git['dirty'] === true
        ? ` (uncommitted changes${
          patch
            ? (typeof patch['error'] === 'string'
              ? `, patch: ${patch['error']}`
              : `, patch ${formatSize(num(patch['bytes']))}${patch['truncated'] === true ? ' truncated' : ''}`)
            : ''
        })`
        : '';
      lines.push(['commit', str(git['commit']) || '(no commits yet)']);
      lines.push(['branch', `${str(git['branch']) || '(detached HEAD)'}${state}`]);
      if (typeof git['remote'] === 'string') lines.push(['remote', git['remote']]);
    }
  }
  const interpreter = obj(p['interpreter']);
  if (interpreter)
    lines.push([str(interpreter['command']), typeof interpreter['error'] === 'string' ? `error: ${interpreter['error']}` : str(interpreter['version'])]);
  const lockfiles = obj(p['lockfiles']);
  if (lockfiles) {
    for (const [name, digest] of Object.entries(lockfiles)) {
      const d = obj(digest);
      lines.push([name, typeof d?.['error'] === 'string' ? `error: ${d['error']}` : `sha256 ${str(d?.['sha256']).slice(0, 12)}`]);
    }
  }
  const platform = obj(p['platform']);
  if (platform) lines.push(['platform', `${str(platform['system'])} ${str(platform['release'])} ${str(platform['machine'])}, ${str(platform['runtime'])}`]);
  const cpus = obj(p['cpus']);
  if (cpus) lines.push(['cpus', `${num(cpus['count'])}${str(cpus['model']) ? ` × ${str(cpus['model'])}` : ''}`]);
  if (p['memory'] !== undefined) lines.push(['memory', formatSize(num(p['memory']))]);
  const gpus = p['gpus'];
  if (Array.isArray(gpus)) {
    lines.push(['gpus', gpus.length === 0 ? 'none' : gpus.map((g) => `${str(obj(g)?.['name'])} (${num(obj(g)?.['memory'])} MiB)`).join(', ')]);
  } else if (obj(gpus) && typeof obj(gpus)?.['error'] === 'string') {
    lines.push(['gpus', `error: ${String(obj(gpus)?.['error'])}`]);
  }
  return lines;
}

function obj(v: JsonValue | undefined): JsonObject | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}

function str(v: JsonValue | undefined): string {
  return typeof v === 'string' ? v : '';
}

function num(v: JsonValue | undefined): number {
  return typeof v === 'bigint' || typeof v === 'number' ? Number(v) : 0;
}
