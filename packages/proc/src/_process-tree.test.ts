import { describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { waitFor } from '@gage/test-utils';
import { descendantPids } from './_process-tree.js';

/** A shell that starts a child which starts a grandchild; resolves with the three pids once they run. */
async function family() {
  const sh = spawn('/bin/sh', ['-c', 'sh -c "sleep 60 & echo g \\$!; wait" & echo c $!; wait'], { stdio: ['ignore', 'pipe', 'ignore'], detached: true });
  let out = '';
  sh.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const pidOf = (tag: string) => Number(new RegExp(`^${tag} (\\d+)$`, 'm').exec(out)?.[1]);
  await waitFor(() => pidOf('c') > 0 && pidOf('g') > 0);
  return { sh, pids: [sh.pid as number, pidOf('c'), pidOf('g')] };
}

describe('descendantPids()', () => {
  test('finds children and grandchildren; calls at the same time each get their own tree', async () => {
    const a = await family();
    const b = await family();
    try {
      const [da, db] = await Promise.all([descendantPids(a.pids[0] as number), descendantPids(b.pids[0] as number)]);
      expect(da).toEqual(a.pids.slice(1));
      expect(db).toEqual(b.pids.slice(1));
      expect(await descendantPids(process.pid)).toEqual(expect.arrayContaining([...a.pids, ...b.pids]));
    } finally {
      // Each family is a process group of its own (detached): one signal ends all of it.
      for (const f of [a, b]) {
        try {
          process.kill(-(f.sh.pid as number), 'SIGKILL');
        } catch {
          // gone
        }
      }
      await Promise.all([a, b].map((f) => (f.sh.exitCode === null && f.sh.signalCode === null ? once(f.sh, 'exit') : undefined)));
    }
  });
});
