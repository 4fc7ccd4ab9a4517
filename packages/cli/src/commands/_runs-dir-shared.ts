import { statfsSync } from 'node:fs';

/** `statfs` type numbers of filesystems other machines can mount: NFS, SMB/CIFS, Lustre, GPFS, CephFS, BeeGFS, AFS, 9P, OrangeFS, FUSE. */
const SHARED_TYPES = new Set([0x6969, 0x517b, 0xff534d42, 0xfe534d42, 0x0bd00bd0, 0x47504653, 0x00c36400, 0x19830326, 0x5346414f, 0x01021997, 0x20030528,
  0x65735546]);

/**
 * The warning of `gage submit` for a runs dir on a local filesystem
 * (docs/spec/cli.md 5.23): the scheduler's nodes must see the runs dir at the
 * same path, which a local disk only gives a single-node cluster.
 * `undefined` for a network filesystem (or FUSE, which may be one), or when
 * the filesystem type cannot be read.
 *
 * @example
 * ```ts
 * const warning = localRunsDirWarning(runsDir);
 * if (warning) io.stderr.write(formatWarning(warning));
 * ```
 */
export function localRunsDirWarning(runsDir: string): string | undefined {
  let type: number;
  try {
    type = Number(statfsSync(runsDir).type);
  } catch {
    return undefined;
  }
  if (SHARED_TYPES.has(type >>> 0)) return undefined;
  return `The runs dir "${runsDir}" is on a local filesystem: every node that runs a task must see it at the same path (a shared filesystem such as NFS)`;
}
