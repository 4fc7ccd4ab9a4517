import { execFile } from 'node:child_process';

/**
 * The pids of every live descendant of `pid` (children first), read from
 * `ps -A -o pid= -o ppid=` (Linux, macOS, BSD). `[]` when `ps` is missing or
 * fails: callers still signal `pid` itself.
 */
export function descendantPids(pid: number): Promise<number[]> {
  return new Promise((resolve) => {
    execFile('ps', ['-A', '-o', 'pid=', '-o', 'ppid='], { windowsHide: true }, (err, stdout) => {
      if (err) return resolve([]);
      const children = new Map<number, number[]>();
      for (const line of stdout.split('\n')) {
        const [p, pp] = line.trim().split(/\s+/).map(Number);
        if (!p || pp === undefined || Number.isNaN(pp)) continue;
        children.set(pp, [...(children.get(pp) ?? []), p]);
      }
      const out: number[] = [];
      const queue = [pid];
      while (queue.length > 0) {
        for (const child of children.get(queue.shift() as number) ?? []) {
          if (out.includes(child)) continue;
          out.push(child);
          queue.push(child);
        }
      }
      resolve(out);
    });
  });
}

/** Sends `signal` to each pid, ignoring those that are gone. */
export function signalPids(pids: Iterable<number>, signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // gone already
    }
  }
}
