import { OpRef, type OpDef } from '@gage/types';
/**
 * The op ref of a project's operation (stage.md 3.2): namespace from
 * {@link projectNamespace}, the op name, and the version when the opdef has one.
 *
 * @example
 * ```ts
 * await opRefFor('/home/ada/hello', OpDef('say', {})); // { ns: 'hello', name: 'say' }
 * ```
 */
export declare function opRefFor(projectDir: string, opdef: OpDef): Promise<OpRef>;
//# sourceMappingURL=op-ref-for.d.ts.map