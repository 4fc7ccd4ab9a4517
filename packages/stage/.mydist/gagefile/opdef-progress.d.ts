import { type ExecPhase, type OpDef } from '@gage/types';
/**
 * The opdef's output progress parser per phase (stage.md 2.2, 2.4): a string
 * is the `run` phase's parser (e.g. `tqdm`); an object gives each phase
 * (`finalize-run` counts as `finalize`); absent gives `{}`.
 *
 * @example
 * ```ts
 * opdefProgress(OpDef('train', { progress: 'tqdm' })); // { run: 'tqdm' }
 * ```
 */
export declare function opdefProgress(opdef: OpDef): Partial<Record<ExecPhase, string>>;
//# sourceMappingURL=opdef-progress.d.ts.map