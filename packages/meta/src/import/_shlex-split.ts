/**
 * Splits a line into words as Python's `shlex.split` does for the quoting
 * Guild AI's `shlex_quote` writes: single quotes, double quotes with
 * backslash escapes, backslash escapes outside quotes. Throws on an open
 * quote.
 *
 * @example
 * ```ts
 * shlexSplit("guildfile:'/my proj' abc '' train"); // ['guildfile:/my proj', 'abc', '', 'train']
 * ```
 */
export function shlexSplit(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) throw new Error('no closing quotation');
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let s = '';
      for (i++; i < line.length && line[i] !== '"'; i++) {
        if (line[i] === '\\' && i + 1 < line.length && '\\"$`\n'.includes(line[i + 1] as string)) i++;
        s += line[i];
      }
      if (i >= line.length) throw new Error('no closing quotation');
      word = (word ?? '') + s;
    } else if (c === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}
