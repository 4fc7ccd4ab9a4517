/**
 * Characters a terminal acts on instead of showing: C0 controls (line
 * breaks and tabs included), DEL, C1 controls, the line and paragraph
 * separators and the bidirectional formatting marks (which reorder what
 * follows them on the line).
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_BUT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Options of {@link escapeControl}. */
export interface EscapeControlOptions {
  /** Keep `\n` as a line break (multi-line messages whose lines are Gage's own). */
  keepNewlines?: boolean | undefined;
}

/**
 * Makes text safe for a human display on a terminal: each control
 * character becomes a visible escape (`\n`, `\r`, `\t`, `\x1b`, `\x9b`,
 * `\u202e`), so that a label, config value, file name or message that echoes
 * user input can neither send escape sequences (clear the screen, set the
 * window title, hide text) nor break a table row in two. A backslash is
 * left as it is, so escaping twice changes nothing. Run output printed as
 * recorded (`gage cat`, `gage show -o`, the live echo of `gage run`) is not
 * a human display in this sense and stays raw.
 *
 * @param text the text to show
 * @param options `keepNewlines`
 * @returns the text with its control characters escaped
 * @example
 * ```ts
 * escapeControl('L1\nL2\x1b[2J'); // 'L1\\nL2\\x1b[2J'
 * ```
 */
export function escapeControl(text: string, options: EscapeControlOptions = {}): string {
  return text.replace(options.keepNewlines === true ? CONTROL_BUT_LF : CONTROL, escapeChar);
}

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}
