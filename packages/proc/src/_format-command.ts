import type { ExecCommand } from '@gage/types';

/** A command for the runner log (docs/spec/lifecycle.md 6): a string as-is, an array as compact JSON. */
export function formatCommand(cmd: ExecCommand): string {
  return typeof cmd === 'string' ? cmd : JSON.stringify(cmd);
}
