/** One record of a CSV text: its cells, unquoted, and the line it starts on (1-based). */
export interface CsvRecord {
  cells: string[];
  line: number;
}

/**
 * Splits a CSV text into records (RFC 4180, comma-separated): a cell that
 * starts with `"` is quoted (`""` inside is one quote; commas and line
 * breaks are part of it); line breaks are `\r\n`, `\n` or `\r`; a leading
 * byte-order mark is dropped; empty lines are skipped. A quote inside an
 * unquoted cell is kept as it is.
 *
 * @throws {SyntaxError} `line 3: a quoted value is not closed`,
 *   `line 2: text after the closing quote of a quoted value`
 */
export function csvRecords(text: string): CsvRecord[] {
  const s = text.startsWith('\ufeff') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let fresh = true; // nothing of the current cell read yet
  let quoted = false; // the current record has a quoted cell (so it is not an empty line)
  let line = 1;
  let start = 1;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    if (quoted || cells.length > 1 || cell !== '') records.push({ cells, line: start });
    cells = [];
    cell = '';
    fresh = true;
    quoted = false;
  };
  while (i < s.length) {
    const ch = s[i] as string;
    if (ch === '"' && fresh) {
      i = readQuoted(s, i + 1, line, (text, lines) => {
        cell = text;
        line += lines;
      });
      fresh = false;
      quoted = true;
      const next = s[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new SyntaxError(`line ${line}: text after the closing quote of a quoted value`);
      }
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      fresh = true;
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      i += ch === '\r' && s[i + 1] === '\n' ? 2 : 1;
      start = ++line;
    } else {
      cell += ch;
      fresh = false;
      i++;
    }
  }
  if (!fresh || cells.length > 0) endRecord();
  return records;
}

/** Reads a quoted cell whose text starts at `i`; gives its text and the line breaks in it; returns the index after the closing quote. */
function readQuoted(s: string, i: number, line: number, done: (text: string, lines: number) => void): number {
  let text = '';
  let lines = 0;
  for (;;) {
    if (i >= s.length) throw new SyntaxError(`line ${line}: a quoted value is not closed`);
    const c = s[i] as string;
    if (c === '"') {
      if (s[i + 1] !== '"') break;
      text += '"';
      i += 2;
      continue;
    }
    if (c === '\n' || (c === '\r' && s[i + 1] !== '\n')) lines++;
    text += c;
    i++;
  }
  done(text, lines);
  return i + 1;
}
