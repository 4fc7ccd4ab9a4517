import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, hostname } from 'node:os';
import { join } from 'node:path';
import { removeTree } from './remove-tree.js';
import { testdir } from './testdir.js';

/** The Debian packages a test cluster needs; tools/setup-system.sh installs them. */
export const SLURM_INSTALL = 'apt-get install -y --no-install-recommends slurm-wlm munge';

/** A single-node Slurm cluster of {@link startSlurmCluster}. */
export interface SlurmCluster {
  /** The environment its clients need (`SLURM_CONF`), to add to a command's. */
  env: { SLURM_CONF: string };
  /** The temp dir of its state, spool, logs and munge key. */
  dir: string;
  /** Stops slurmd, slurmctld and munged and removes {@link dir}. */
  stop(): Promise<void>;
}

/**
 * Starts a single-node Slurm cluster from Debian's `slurm-wlm` and `munge`
 * for tests: a munge key and socket, a `slurm.conf`, state and spool dirs,
 * all under a temp dir; `munged`, `slurmctld` and `slurmd` in the
 * foreground as root (`ProctrackType=proctrack/linuxproc`,
 * `TaskPlugin=task/none`, free ports, the machine's CPU count). Resolves
 * once the node is idle. Fails naming the `apt-get` line when the packages
 * are missing, and when not root. Start it once per test file.
 *
 * @example
 * ```ts
 * const cluster = await startSlurmCluster();
 * spawnSync('sinfo', { env: { ...process.env, ...cluster.env } });
 * await cluster.stop();
 * ```
 */
export async function startSlurmCluster(): Promise<SlurmCluster> {
  for (const program of ['munged', 'slurmctld', 'slurmd', 'sbatch']) {
    if (spawnSync('sh', ['-c', `command -v ${program} || test -x /usr/sbin/${program}`]).status !== 0) {
      throw new Error(`${program} is not installed: run tools/setup-system.sh, or as root: ${SLURM_INSTALL}`);
    }
  }
  if (process.getuid?.() !== 0) throw new Error('The Slurm test cluster runs slurmd as root: run the tests as root');
  const dir = await testdir();
  chmodSync(dir, 0o755); // munged wants no group- or world-writable dirs above its socket
  for (const sub of ['munge', 'state', 'spool', 'log']) mkdirSync(join(dir, sub), { mode: 0o755 });
  const key = join(dir, 'munge', 'munge.key');
  writeFileSync(key, Buffer.from(Array.from({ length: 1024 }, () => Math.floor(Math.random() * 256))), { mode: 0o600 });
  const socket = join(dir, 'munge', 'socket');
  const host = hostname().split('.')[0] as string;
  const [ctldPort, slurmdPort] = [await freePort(), await freePort()];
  const conf = join(dir, 'slurm.conf');
  writeFileSync(conf, [
    `ClusterName=gagetest${ctldPort}`,
    `SlurmctldHost=${host}`,
    'SlurmUser=root',
    'SlurmdUser=root',
    'AuthType=auth/munge',
    'CredType=cred/munge',
    `AuthInfo=socket=${socket}`,
    `StateSaveLocation=${join(dir, 'state')}`,
    `SlurmdSpoolDir=${join(dir, 'spool')}`,
    `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
    `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
    `SlurmctldLogFile=${join(dir, 'log', 'slurmctld.log')}`,
    `SlurmdLogFile=${join(dir, 'log', 'slurmd.log')}`,
    `SlurmctldPort=${ctldPort}`,
    `SlurmdPort=${slurmdPort}`,
    'SelectType=select/cons_tres',
    'SelectTypeParameters=CR_Core',
    'ProctrackType=proctrack/linuxproc',
    'TaskPlugin=task/none',
    'MpiDefault=none',
    'ReturnToService=2',
    'SwitchType=switch/none',
    'JobCompType=jobcomp/none',
    'AccountingStorageType=accounting_storage/none',
    'JobAcctGatherType=jobacct_gather/none',
    // Quick turnarounds for tests: a time limit's SIGTERM is followed by SIGKILL after 2 s.
    'KillWait=2',
    'SchedulerParameters=sched_min_interval=100000',
    `NodeName=${host} CPUs=${availableParallelism()} RealMemory=1000 State=UNKNOWN`,
    'PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP',
    '',
  ].join('\n'));
  const env = { SLURM_CONF: conf };
  const daemons: ChildProcess[] = [];
  const start = (program: string, args: string[]) => {
    const child = spawn(program, args, { stdio: 'ignore', env: { ...process.env, ...env } });
    child.on('error', () => {});
    daemons.push(child);
  };
  const stop = async () => {
    for (const child of daemons.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await removeTree(dir);
  };
  try {
    start('munged', ['-F', '-f', `--key-file=${key}`, `--socket=${socket}`, `--pid-file=${join(dir, 'munge', 'pid')}`,
      `--seed-file=${join(dir, 'munge', 'seed')}`, `--log-file=${join(dir, 'log', 'munged.log')}`]);
    await until(() => spawnSync('munge', ['-n', `--socket=${socket}`], { stdio: 'ignore' }).status === 0, 'munged', dir);
    start('slurmctld', ['-D', '-f', conf]);
    start('slurmd', ['-D', '-f', conf]);
    await until(() => /^idle/.test(spawnSync('sinfo', ['-h', '-o', '%T'], { env: { ...process.env, ...env }, encoding: 'utf8' }).stdout ?? ''), 'slurmd', dir);
  } catch (err) {
    await stop();
    throw err;
  }
  return { env, dir, stop };
}

/** Waits until `check` holds, checking every 100 ms; fails after a minute naming the daemon and its log. */
async function until(check: () => boolean, daemon: string, dir: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The test Slurm cluster did not come up (${daemon}); see the logs in ${join(dir, 'log')}`);
}

/** A TCP port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
