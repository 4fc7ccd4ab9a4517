import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';

/** Seconds between the watchdog's SIGTERM and its SIGKILL to a run left behind by a dead runner. */
const WATCHDOG_GRACE_SECONDS = 10;

/**
 * The watchdog's script. It reads lines on stdin: `+<pgid>` starts watching
 * a process group, `-<pgid>` stops (the group ended normally). End of input
 * means the runner is gone: when it still watched groups (it died: SIGKILL,
 * a crash), each gets SIGTERM, then SIGKILL if any of them still lives
 * after the grace period; otherwise the watchdog just exits. It ignores the
 * signals a terminal or a group kill would send it, so that it outlives the
 * runner. `kill -TERM -<pgid>` is the form both dash and bash accept; only
 * shell built-ins are used, so watching costs no process.
 */
const SCRIPT = `trap '' HUP INT QUIT TERM PIPE
groups=' '
while read -r line; do
  case $line in
    +*) groups="$groups\${line#+} " ;;
    -*) rest=' '; for g in $groups; do [ "$g" = "\${line#-}" ] || rest="$rest$g "; done; groups=$rest ;;
  esac
done
set -- $groups
[ "$#" -eq 0 ] && exit 0
for g; do kill -TERM "-$g" 2>/dev/null; done
i=0
while [ "$i" -lt ${WATCHDOG_GRACE_SECONDS} ]; do
  alive=; for g; do kill -0 "-$g" 2>/dev/null && alive=1; done
  [ -z "$alive" ] && exit 0
  sleep 1; i=$((i + 1))
done
for g; do kill -KILL "-$g" 2>/dev/null; done
exit 0`;

/** The pipe to this process's watchdog, started on first use; undefined when it could not start or died. */
let pipe: Writable | undefined;

/**
 * Watches over the process group `pgid` on behalf of this process: one
 * small `/bin/sh` per runner process, in a session of its own, holds the
 * read end of a pipe whose write end only this process has; each watched
 * group is a line in that pipe. When this process dies (SIGKILL, a crash)
 * while a group is watched, the pipe closes and the watchdog stops the
 * group: SIGTERM, then SIGKILL after {@link WATCHDOG_GRACE_SECONDS}. Node
 * has no `prctl(PR_SET_PDEATHSIG)`, and that would only reach the direct
 * child; the pipe works on every POSIX system and reaches the whole group.
 * One watchdog serves every run of the process (a batch of 200 runs starts
 * one `/bin/sh`, not 200). A watchdog that cannot start is no error
 * (nothing is watched); one that died is started again on the next call.
 *
 * @param pgid the process group to stop if this process dies (the run's pid; it leads its group)
 * @returns `release()`: the group ended normally; it is no longer watched
 */
export function watchProcessGroup(pgid: number): () => void {
  const out = pipe ?? startWatchdog();
  if (!out) return () => undefined;
  out.write(`+${pgid}\n`);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (pipe === out) out.write(`-${pgid}\n`);
  };
}

function startWatchdog(): Writable | undefined {
  let watchdog: ReturnType<typeof spawn>;
  try {
    watchdog = spawn('/bin/sh', ['-c', SCRIPT, 'gage-watchdog'], {
      stdio: ['pipe', 'ignore', 'ignore'],
      detached: true,
      windowsHide: true,
    });
  } catch {
    return undefined;
  }
  const stdin = watchdog.stdin;
  if (!stdin) return undefined;
  const forget = () => {
    if (pipe === stdin) pipe = undefined;
  };
  watchdog.on('error', forget); // no /bin/sh: nothing is watched
  watchdog.on('exit', forget);
  stdin.on('error', forget);
  // Neither the watchdog nor its pipe keeps this process alive.
  watchdog.unref();
  (stdin as { unref?: () => void }).unref?.();
  pipe = stdin;
  return stdin;
}
