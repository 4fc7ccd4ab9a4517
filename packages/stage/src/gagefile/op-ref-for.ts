import { OpRef, type OpDef } from '@gage/types';
import { opdefVersion } from './opdef-version.js';
import { projectNamespace } from './project-namespace.js';

/**
 * The op ref of a project's operation (docs/spec/stage.md 3.2): namespace from
 * {@link projectNamespace}, the op name, and the version when the opdef has one.
 *
 * @example
 * ```ts
 * await opRefFor('/home/ada/hello', OpDef('say', {})); // { ns: 'hello', name: 'say' }
 * ```
 */
export async function opRefFor(projectDir: string, opdef: OpDef): Promise<OpRef> {
  return OpRef(await projectNamespace(projectDir), opdef.name, opdefVersion(opdef) ?? undefined);
}
