import { describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { waitFor } from '@gage/test-utils';
import { isGroupAlive, isLiveProcess } from './_live-processes.js';

describe('isGroupAlive()', () => {
  test('is true while any member of the group lives, also after its leader ended; false once all are gone', async () => {
    // The leader (sh) leaves a member behind in its group and exits.
    const leader = spawn('/bin/sh', ['-c', 'sleep 60 & echo $!'], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    leader.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await once(leader, 'exit');
    await waitFor(() => out.endsWith('\n'));
    const member = Number(out.trim());
    const pgid = leader.pid as number;
    try {
      expect(isLiveProcess(pgid)).toBe(false);
      expect(isLiveProcess(member)).toBe(true);
      expect(await isGroupAlive(pgid)).toBe(true);
    } finally {
      process.kill(member, 'SIGKILL');
    }
    await waitFor(async () => !(await isGroupAlive(pgid)));
    expect(isLiveProcess(member)).toBe(false);
  });

  test('is false for a group that never existed', async () => {
    const child = spawn('true', { stdio: 'ignore' });
    await once(child, 'exit');
    expect(await isGroupAlive(child.pid as number)).toBe(false);
    expect(isLiveProcess(child.pid as number)).toBe(false);
  });
});
