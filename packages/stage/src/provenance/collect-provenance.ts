import { arch, cpus, machine, release, totalmem, type as osType } from 'node:os';
import { gitProvenance } from './_git-provenance.js';
import { gpuInfo } from './_gpu-info.js';
import { interpreterVersion } from './_interpreter-version.js';
import { lockfileDigests } from './_lockfile-digests.js';
import type { Provenance } from './provenance.js';

/** Options of {@link collectProvenance}. */
export interface CollectProvenanceOptions {
  /** The op's run command (`proc/cmd`): its interpreter's version is recorded when it is Python. */
  command?: readonly string[] | string | undefined;
  /** Stops the helper processes. */
  signal?: AbortSignal | undefined;
}

/** What {@link collectProvenance} found: the record, the patch text, and a warning per part that could not be read. */
export interface CollectedProvenance {
  provenance: Provenance;
  /** The bytes of `git diff HEAD` (capped) when the work tree is dirty. */
  patch: Buffer | undefined;
  warnings: string[];
}

/**
 * Reads the provenance of a run from its project (decision 18,
 * docs/spec/wave2.md): git state when the project is in a git work tree,
 * lockfile digests, the Python interpreter's version when the command
 * starts Python, platform, CPUs, memory, and GPUs when `nvidia-smi` answers
 * within 2 s. The helper processes run at once. Nothing here fails: a part
 * that cannot be read holds `{error}` and yields a warning. Environment
 * values are never read.
 *
 * @example
 * ```ts
 * const { provenance } = await collectProvenance('/home/me/mnist', { command: ['python', 'train.py'] });
 * provenance.git; // { commit: '3f2a…', branch: 'main', remote: 'https://github.com/me/mnist.git', dirty: false }
 * ```
 */
export async function collectProvenance(projectDir: string, options: CollectProvenanceOptions = {}): Promise<CollectedProvenance> {
  const { signal } = options;
  const [git, lockfiles, interpreter, gpus] = await Promise.all([
    gitProvenance(projectDir, signal),
    lockfileDigests(projectDir),
    options.command === undefined ? undefined : interpreterVersion(options.command, projectDir, signal),
    gpuInfo(projectDir, signal),
  ]);
  const cpuList = cpus();
  const provenance: Provenance = {
    ...(git === undefined ? {} : { git: git.git }),
    lockfiles,
    ...(interpreter === undefined ? {} : { interpreter }),
    platform: { system: osType(), release: release(), arch: arch(), machine: machine(), runtime: runtimeName() },
    cpus: { count: BigInt(cpuList.length), model: cpuList[0]?.model.trim() ?? '' },
    memory: BigInt(totalmem()),
    ...(gpus === undefined ? {} : { gpus }),
  };
  const warnings: string[] = [];
  const gitState = git?.git;
  if (gitState !== undefined && 'error' in gitState) warnings.push(`Cannot read the git state of the project: ${gitState.error}`);
  else if (gitState?.patch !== undefined && 'error' in gitState.patch)
    warnings.push(`Cannot read the uncommitted changes of the project: ${gitState.patch.error}`);
  for (const [name, digest] of Object.entries(lockfiles)) if ('error' in digest) warnings.push(`Cannot read "${name}" for its digest: ${digest.error}`);
  if (interpreter !== undefined && 'error' in interpreter) warnings.push(`Cannot read the version of ${interpreter.command}: ${interpreter.error}`);
  if (gpus !== undefined && 'error' in gpus) warnings.push(`Cannot list GPUs: ${gpus.error}`);
  return { provenance, patch: git?.patch, warnings };
}

function runtimeName(): string {
  const deno = (globalThis as { Deno?: { version?: { deno?: string } } }).Deno?.version?.deno;
  return deno !== undefined ? `deno ${deno}` : `node ${process.versions.node}`;
}
