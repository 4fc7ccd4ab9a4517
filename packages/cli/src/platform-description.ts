import { arch, release, type } from 'node:os';

/**
 * One line describing the OS, kernel release and architecture: the
 * `platform` system attribute of a run and the `check` row.
 *
 * @example
 * ```ts
 * platformDescription(); // 'Linux 6.1.0-18-amd64 x64'
 * ```
 */
export function platformDescription(): string {
  return `${type()} ${release()} ${arch()}`;
}
