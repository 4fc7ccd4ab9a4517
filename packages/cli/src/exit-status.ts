/**
 * The exit status of `gage` for a run or hook exit code: the code itself, or
 * `128 + signum` for `-signum` (decision 11).
 *
 * @example
 * ```ts
 * exitStatus(-15); // 143
 * ```
 */
export function exitStatus(code: number): number {
  return code < 0 ? 128 - code : code;
}
