// The text a new value gets in a YAML config file, in the style of the scalar
// it replaces where that style can hold it.
import { type ConfigValue, pythonFloatRepr } from '@gage/types';
import type { EncodedScalar } from './_toml-json-yaml-edits.js';
import { isPlainYamlString } from './_yaml-plain-string.js';
import { type YamlSpan, yamlReadings } from './_yaml-scan.js';

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]|[^\S ]/u;

/**
 * The replacement text of `span` (a scalar of `text`) for `value`. Block
 * scalars stay block literals when the value allows it, else become
 * double-quoted; a header comment and the final line break are kept.
 */
export function encodeYamlScalar(text: string, span: YamlSpan, value: ConfigValue): EncodedScalar {
  if (span.tagged && typeof value !== typeof span.value) {
    return { warning: `cannot write ${describe(value)} over a scalar with an explicit tag of another type; value left unchanged` };
  }
  if (span.start === span.end) return { text: emptySpanText(text, span.start, inlineText('PLAIN', value)) };
  const isBlock = span.style === 'BLOCK_LITERAL' || span.style === 'BLOCK_FOLDED';
  if (!isBlock) return { text: inlineText(span.style, value) };
  const original = text.slice(span.start, span.end);
  const header = /^([|>])([0-9+-]*)([^\r\n]*)(\r?\n)?/.exec(original) as RegExpExecArray;
  const [, , indicators = '', trailer = '', lineBreak = '\n'] = header;
  const endsWithBreak = /\r?\n$/.test(original);
  if (typeof value === 'string' && !/[0-9]/.test(indicators)) {
    const indent = /^( +)\S/m.exec(original.slice(header[0].length))?.[1];
    const block = indent === undefined ? undefined : blockLiteral(value, indent, lineBreak);
    if (block !== undefined) {
      // Strip chomping at the end of the file: no final line break to keep.
      const body = block.header === '|-' && !endsWithBreak ? block.body.slice(0, -lineBreak.length) : block.body;
      return { text: block.header + trailer + lineBreak + body };
    }
  }
  return { text: inlineText('QUOTE_DOUBLE', value) + trailer + (endsWithBreak ? lineBreak : '') };
}

/** An empty scalar (`a:`, `-`) gets its value set off by a space, and from a comment that follows. */
function emptySpanText(text: string, at: number, scalar: string): string {
  const before = at > 0 && !/[ \t\r\n]/.test(text[at - 1] as string) ? ' ' : '';
  const after = text[at] === '#' ? ' ' : '';
  return before + scalar + after;
}

function describe(value: ConfigValue): string {
  if (value === null) return 'null';
  return typeof value === 'bigint' ? 'an integer' : typeof value === 'number' ? 'a float' : `a ${typeof value}`;
}

function inlineText(style: string, value: ConfigValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return yamlFloat(value);
  if (style === 'PLAIN' && isSafePlain(value)) return value;
  if (style === 'QUOTE_SINGLE' && !NON_PRINTABLE.test(value)) return `'${value.replaceAll("'", "''")}'`;
  return doubleQuoted(value);
}

/** A float as YAML 1.1 reads it back: `.inf`, `-.inf`, `.nan`, or Python's repr with a `.` in the mantissa (`1.0e-05`). */
function yamlFloat(x: number): string {
  if (Number.isNaN(x)) return '.nan';
  if (!Number.isFinite(x)) return x > 0 ? '.inf' : '-.inf';
  const repr = pythonFloatRepr(x);
  return repr.includes('.') ? repr : repr.replace('e', '.0e');
}

/** True when `s` can be written as a plain scalar (in block or flow context) and reads back as that string. */
function isSafePlain(s: string): boolean {
  if (s === '' || s.trim() !== s || NON_PRINTABLE.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) || /[,[\]{}]|: |:$| #/.test(s)) return false;
  return isPlainYamlString(s) || yamlReadings(s).every((v) => v === s);
}

function doubleQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (ch === '\\' || ch === '"') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (NON_PRINTABLE.test(ch)) {
      if (cp <= 0xff) out += '\\x' + hex(cp, 2);
      else if (cp <= 0xffff) out += '\\u' + hex(cp, 4);
      else out += '\\U' + hex(cp, 8);
    } else out += ch;
  }
  return out + '"';
}

function hex(cp: number, width: number): string {
  return cp.toString(16).toUpperCase().padStart(width, '0');
}

/**
 * A literal block scalar (`|`, `|-` or `|+` after the value's final line
 * breaks) whose content lines are indented by `indent`, or undefined when
 * the value needs escapes or an indentation indicator.
 */
function blockLiteral(s: string, indent: string, lineBreak: string): { header: string; body: string } | undefined {
  const content = s.replace(/\n+$/, '');
  const finalBreaks = s.length - content.length;
  const lines = content.split('\n');
  const first = lines.find((l) => l !== '');
  if (first === undefined || /^\s/.test(first) || lines.some((l) => NON_PRINTABLE.test(l.replaceAll('\t', '')))) return undefined;
  if (lines.some((l) => l !== '' && l.trim() === '')) return undefined;
  const chomp = finalBreaks === 0 ? '-' : finalBreaks === 1 ? '' : '+';
  const body = lines.map((l) => (l === '' ? '' : indent + l) + lineBreak).join('') + lineBreak.repeat(Math.max(finalBreaks - 1, 0));
  return { header: '|' + chomp, body };
}
