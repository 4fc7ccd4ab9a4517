import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * True while the process `pid` lives: `kill(pid, 0)` succeeds (or fails with
 * `EPERM`) and, on Linux, it is no zombie. A zombie is a process that exited
 * and that nobody reaped yet; an orphan whose reaper (pid 1 in some
 * containers) never reaps stays one for ever, so only this tells that it has
 * ended.
 */
export function isLiveProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return !/^\d+ \(.*\) Z /s.test(readFileSync(`/proc/${pid}/stat`, 'latin1'));
  } catch {
    return true; // no /proc: it exists, and we cannot tell more
  }
}

/**
 * True while any process of the process group `pgid` lives (zombies do
 * not count). The group leader is looked at first; when it has ended, the
 * other members are listed with `ps` (a reaped-late leader, or what it left
 * in its group). Without `ps` the group counts as alive while it exists.
 */
export async function isGroupAlive(pgid: number): Promise<boolean> {
  try {
    process.kill(-pgid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (isLiveProcess(pgid)) return true;
  return new Promise((resolve) => {
    execFile('ps', ['-A', '-o', 'pid=', '-o', 'pgid=', '-o', 'stat='], { windowsHide: true }, (err, stdout) => {
      if (err) return resolve(true);
      resolve(stdout.split('\n').some((line) => {
        const [pid, group, stat] = line.trim().split(/\s+/);
        return Number(group) === pgid && Number(pid) > 0 && stat !== undefined && !stat.startsWith('Z');
      }));
    });
  });
}
