// The part of `semver` (which ships no types) that `gage check --version` uses.
declare module 'semver' {
  /** The normalized range, or null when `range` is not a valid one. */
  export function validRange(range: string, options?: { loose?: boolean; includePrerelease?: boolean }): string | null;
  /** Whether `version` is in `range`. */
  export function satisfies(version: string, range: string, options?: { loose?: boolean; includePrerelease?: boolean }): boolean;
}
