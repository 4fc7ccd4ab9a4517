import { execFile } from 'node:child_process';

/** The `ps` listing in flight, shared by every caller that comes while it runs. */
let listing: Promise<Map<number, number[]>> | undefined;

/**
 * The children of every process (`ppid` → pids), from one
 * `ps -A -o pid= -o ppid=` (Linux, macOS, BSD); empty when `ps` is missing
 * or fails. Callers that come while a listing runs share it: when Ctrl-C
 * stops 20 runs at once, one `ps` serves them all instead of 20 at once
 * on a machine that is busy stopping them.
 */
function listChildren(): Promise<Map<number, number[]>> {
  listing ??= new Promise<Map<number, number[]>>((resolve) => {
    execFile('ps', ['-A', '-o', 'pid=', '-o', 'ppid='], { windowsHide: true }, (err, stdout) => {
      const children = new Map<number, number[]>();
      if (!err) {
        for (const line of stdout.split('\n')) {
          const [p, pp] = line.trim().split(/\s+/).map(Number);
          if (!p || pp === undefined || Number.isNaN(pp)) continue;
          children.set(pp, [...(children.get(pp) ?? []), p]);
        }
      }
      resolve(children);
    });
  }).finally(() => (listing = undefined));
  return listing;
}

/**
 * The pids of every live descendant of `pid` (children first), read from
 * `ps` (see {@link listChildren}: a listing started a moment before the call
 * may be used). `[]` when `ps` is missing or fails: callers still signal
 * `pid` itself (and its process group).
 */
export async function descendantPids(pid: number): Promise<number[]> {
  const children = await listChildren();
  const out: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      if (out.includes(child)) continue;
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

/** Sends `signal` to each pid, ignoring those that are gone. */
export function signalPids(pids: Iterable<number>, signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // gone
    }
  }
}
