import type { ExecCommand, ExecPhase, OpDef } from '@gage/types';
/** An opdef's commands per phase; a phase without a command is absent. */
export type OpdefExec = Partial<Record<ExecPhase, ExecCommand>>;
/**
 * The opdef's exec commands by phase (stage.md 2.3, 2.4): a string or array
 * is the `run` command; an object gives each phase (`finalize-run` is an
 * alias of `finalize` and wins); absent gives `{}`.
 *
 * @example
 * ```ts
 * opdefExec(OpDef('hello', { exec: 'python hello.py' })); // { run: 'python hello.py' }
 * ```
 */
export declare function opdefExec(opdef: OpDef): OpdefExec;
//# sourceMappingURL=opdef-exec.d.ts.map