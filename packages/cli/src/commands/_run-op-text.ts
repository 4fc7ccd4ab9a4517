import { compareCodePoints, configValueType, type Config, type ConfigValue, type OpDef } from '@gage/types';
import type { OutputMode } from '../io.js';
import { escapeControl } from '../output/escape-control.js';
import { keyValueLines } from '../output/format-panel.js';
import { formatTable } from '../output/format-table.js';
import { formatValue } from '../output/format-value.js';

// The texts of `gage run` that `gage run -y` never shows: a module of their own, loaded when shown.

/**
 * The `--help-op` text (docs/spec/cli.md 5.1): usage, description, and a `Flags`
 * table of every flag with its type and default (decision 15: nested keys
 * of structured config files included).
 *
 * @example
 * ```ts
 * formatHelpOp(opdef, { name: 'World' }, mode);
 * ```
 */
export function formatHelpOp(opdef: OpDef, config: Config, mode: OutputMode): string {
  let out = `Usage: gage run ${opdef.name}\n`;
  const desc = typeof opdef.data.description === 'string' ? opdef.data.description.trim() : '';
  if (desc) out += '\n' + desc.split('\n').map((l) => (l.trim() ? ` ${escapeControl(l)}` : '')).join('\n') + '\n';
  const keys = Object.keys(config).sort(compareCodePoints);
  if (keys.length > 0) {
    const rows = keys.map((k) => [k, configValueType(config[k] as ConfigValue), formatValue(config[k])]);
    const columns = [{ header: 'name' }, { header: 'type' }, { header: 'default' }];
    out += '\nFlags\n' + formatTable(columns, rows, { width: mode.width, styled: mode.styled, color: mode.color });
  }
  return out;
}

/**
 * The confirmation text before `Continue?` (docs/spec/cli.md 5.1): the verb line and
 * the config block.
 *
 * @example
 * ```ts
 * formatRunConfirm('run hello', { name: 'World' }); // 'You are about to run hello\n\n name  World\n\n'
 * ```
 */
export function formatRunConfirm(what: string, config: Config): string {
  const keys = Object.keys(config).sort(compareCodePoints);
  if (keys.length === 0) return `You are about to ${what}\n\n`;
  const lines = keyValueLines(keys.map((k) => [k, formatValue(config[k])])).map((line) => ` ${line}`); // escaped
  return `You are about to ${what}\n\n${lines.join('\n')}\n\n`;
}
