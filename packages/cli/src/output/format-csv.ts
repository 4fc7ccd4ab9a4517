/**
 * Formats CSV: a header line, then one line per row, each ending in `\n`.
 * A field is quoted (RFC 4180) when it holds a comma, a double quote, CR or
 * LF, or starts or ends with a space; a double quote inside is doubled.
 * Cells are written as given: no control character is escaped (CSV is for
 * programs, docs/spec/cli.md 1.8).
 *
 * @param header the header cells
 * @param rows cell texts, one array per row
 * @example
 * ```ts
 * formatCsv(['a', 'b'], [['1', 'x,y']]); // 'a,b\n1,"x,y"\n'
 * ```
 */
export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  let out = csvLine(header);
  for (const row of rows) out += csvLine(row);
  return out;
}

function csvLine(cells: readonly string[]): string {
  return cells.map(csvField).join(',') + '\n';
}

function csvField(text: string): string {
  return /[",\r\n]|^ | $/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
