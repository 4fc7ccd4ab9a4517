import type { JsonObject } from './json-value.js';

/**
 * An operation definition: its name and the opdef data as written in the
 * Gage file (`exec`, `config`, `sourcecode`, ...). `opdef.json` stores `data`.
 *
 * @example
 * ```ts
 * const opdef: OpDef = { name: 'test', data: { exec: 'python say.py', config: 'say.py' } };
 * ```
 */
export interface OpDef {
  name: string;
  data: JsonObject;
  /** The Gage file it was read from, when it came from one. */
  gagefile?: string | undefined;
}

/** Names of the exec phases (docs/spec/stage.md 2.3); `finalize-run` is an alias of `finalize`. */
export const EXEC_PHASES = ['stage-sourcecode', 'stage-runtime', 'stage-dependencies', 'run', 'finalize'] as const;

/** An exec phase. */
export type ExecPhase = (typeof EXEC_PHASES)[number];

/** A command: a shell string (maybe `#!` form) or an argv array. */
export type ExecCommand = string | string[];

/**
 * Makes an {@link OpDef}; the seed scenario's `OpDef("test", {...})`.
 *
 * @example
 * ```ts
 * const opdef = OpDef('test', { exec: 'python say.py', config: 'say.py' });
 * ```
 */
export function OpDef(name: string, data: JsonObject, gagefile?: string): OpDef {
  return gagefile === undefined ? { name, data } : { name, data, gagefile };
}
