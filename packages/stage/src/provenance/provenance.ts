/**
 * The provenance of a run (decision 18, docs/spec/wave2.md), as the meta
 * file `provenance.json` holds it. Parts that could not be read hold an
 * `error` instead of their values; parts that do not apply are absent.
 * Integers are `bigint`, as everywhere in meta JSON (decision 6).
 */
export interface Provenance {
  /** The git state of the project, when it is inside a git work tree. */
  git?: GitProvenance | ProvenanceError;
  /** sha256 of each lockfile or requirements file at the project root, by file name. */
  lockfiles: Record<string, { sha256: string } | ProvenanceError>;
  /** The interpreter the op's command names, when it is Python. */
  interpreter?: { command: string; version: string } | (ProvenanceError & { command: string });
  /** The machine. */
  platform: { system: string; release: string; arch: string; machine: string; runtime: string };
  cpus: { count: bigint; model: string };
  /** Total memory in bytes. */
  memory: bigint;
  /** GPUs as `nvidia-smi` lists them, when it is installed. */
  gpus?: GpuInfo[] | ProvenanceError;
}

/** A part of the provenance that could not be read, and why. */
export interface ProvenanceError {
  error: string;
}

/** The git part of {@link Provenance}. */
export interface GitProvenance {
  /** The commit of HEAD; `null` in a repository with no commits yet. */
  commit: string | null;
  /** The branch; `null` when HEAD is detached. */
  branch: string | null;
  /** The URL of remote `origin` (else the first remote), credentials removed; `null` without remotes. */
  remote: string | null;
  /** Tracked files differ from HEAD (untracked files do not count). */
  dirty: boolean;
  /** The uncommitted tracked changes (`git diff HEAD`), stored in the meta file `provenance.patch`. */
  patch?: { file: string; bytes: bigint; truncated: boolean; cap: bigint } | ProvenanceError;
}

/** One GPU of {@link Provenance}. */
export interface GpuInfo {
  index: bigint;
  name: string;
  /** Total memory in MiB. */
  memory: bigint;
  driver: string;
}
