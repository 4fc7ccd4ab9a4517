import type { Config, OpDef } from '@gage/types';
/** Options of {@link readProjectConfig}. */
export interface ReadProjectConfigOptions {
    /** Called with each warning (unsupported or unreadable config file). Default: stderr. */
    onWarning?: ((message: string) => void) | undefined;
    /** The runs dir, never scanned when it lies inside the project. */
    runsDir?: string | undefined;
}
/**
 * Reads the config defaults of an operation from the project (stage.md 5.5):
 * for each config object in order, each chosen file in path order, the
 * values of the chosen keys; later files and objects win. Integers are
 * `bigint`, floats `number` (decision 6).
 *
 * @example
 * ```ts
 * await readProjectConfig(projectDir, opdef); // { msg: 'Hi there' }
 * ```
 */
export declare function readProjectConfig(projectDir: string, opdef: OpDef, options?: ReadProjectConfigOptions): Promise<Config>;
//# sourceMappingURL=read-project-config.d.ts.map