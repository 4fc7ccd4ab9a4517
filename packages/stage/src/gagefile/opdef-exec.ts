import type { ExecCommand, ExecPhase, OpDef } from '@gage/types';

/** An opdef's commands per phase; a phase without a command is absent. */
export type OpdefExec = Partial<Record<ExecPhase, ExecCommand>>;

const PHASE_KEYS: readonly (readonly [ExecPhase, string])[] = [
  ['stage-sourcecode', 'stage-sourcecode'],
  ['stage-runtime', 'stage-runtime'],
  ['stage-dependencies', 'stage-dependencies'],
  ['run', 'run'],
  ['finalize', 'finalize'],
  ['finalize', 'finalize-run'], // the Dec 2023 name; wins when both are given
];

/**
 * The opdef's exec commands by phase (docs/spec/stage.md 2.3, 2.4): a string or array
 * is the `run` command; an object gives each phase (`finalize-run` is an
 * alias of `finalize` and wins); absent gives `{}`.
 *
 * @example
 * ```ts
 * opdefExec(OpDef('hello', { exec: 'python hello.py' })); // { run: 'python hello.py' }
 * ```
 */
export function opdefExec(opdef: OpDef): OpdefExec {
  const exec = opdef.data['exec'];
  if (typeof exec === 'string' || Array.isArray(exec)) return { run: commandOf(exec) as ExecCommand };
  const out: OpdefExec = {};
  if (exec === null || typeof exec !== 'object') return out;
  for (const [phase, key] of PHASE_KEYS) {
    const cmd = commandOf(exec[key]);
    if (cmd !== undefined) out[phase] = cmd;
  }
  return out;
}

function commandOf(value: unknown): ExecCommand | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(String);
  return undefined;
}
