import { spawn } from 'node:child_process';

/** Seconds between the watchdog's SIGTERM and its SIGKILL to a run left behind by a dead runner. */
const WATCHDOG_GRACE_SECONDS = 10;

/**
 * The watchdog's script: it waits for a line on stdin. `done` means the
 * process group ended normally; end of input without it means the runner
 * died (SIGKILL, a crash), so the group gets SIGTERM, then SIGKILL if any of
 * it still lives after the grace period. It ignores the signals a terminal or
 * a group kill would send it, so that it outlives the runner.
 * `kill -TERM -<pgid>` is the form both dash and bash accept.
 */
const SCRIPT = `trap '' HUP INT QUIT TERM PIPE
read -r line
[ "$line" = done ] && exit 0
kill -TERM "-$1" 2>/dev/null || exit 0
i=0
while [ "$i" -lt ${WATCHDOG_GRACE_SECONDS} ] && kill -0 "-$1" 2>/dev/null; do sleep 1; i=$((i + 1)); done
kill -KILL "-$1" 2>/dev/null
exit 0`;

/**
 * Watches over the process group `pgid` on behalf of this process: a small
 * `/bin/sh` in a session of its own holds the read end of a pipe whose write
 * end only this process has. When this process dies without calling the
 * returned `release` (SIGKILL, a crash), the pipe closes and the watchdog
 * stops the group: SIGTERM, then SIGKILL after {@link WATCHDOG_GRACE_SECONDS}.
 * Node has no `prctl(PR_SET_PDEATHSIG)`, and that would only reach the
 * direct child; the pipe works on every POSIX system and reaches the whole
 * group. A watchdog that cannot start is no error (nothing is watched).
 *
 * @param pgid the process group to stop if this process dies (the run's pid; it leads its group)
 * @returns `release()`: the group ended normally, the watchdog exits without signalling
 */
export function watchProcessGroup(pgid: number): () => void {
  let watchdog: ReturnType<typeof spawn>;
  try {
    watchdog = spawn('/bin/sh', ['-c', SCRIPT, 'gage-watchdog', String(pgid)], {
      stdio: ['pipe', 'ignore', 'ignore'],
      detached: true,
      windowsHide: true,
    });
  } catch {
    return () => undefined;
  }
  watchdog.on('error', () => undefined); // no /bin/sh: nothing is watched
  const stdin = watchdog.stdin;
  stdin?.on('error', () => undefined);
  // Neither the watchdog nor its pipe keeps this process alive.
  watchdog.unref();
  (stdin as { unref?: () => void } | null)?.unref?.();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    stdin?.end('done\n');
  };
}
