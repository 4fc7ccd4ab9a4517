/** One level of a POSIX shell command: the top level, a `$(...)` or a `` `...` `` in it. */
interface Level {
  kind: 'top' | 'subst' | 'backtick';
  /** The quote open at this level. */
  quote: '' | "'" | '"';
  /** Open `(` inside a `$(...)`, so that its `)` is not taken for the end. */
  parens: number;
}

/**
 * Replaces every `token` in a POSIX shell command with `value` quoted for
 * the place it stands in, so that the shell reads exactly `value` as (part
 * of) one word: unquoted, `'value'` (`'` written `'\''`; left bare when it
 * holds only characters the shell never splits or expands); inside `'...'`,
 * each `'` as `'\''`; inside `"..."`, `\`, `"`, `$` and `` ` `` escaped with
 * `\`; inside backquotes, also `\`, `` ` `` and `$` escaped with `\` once
 * more. `$(...)` and backquotes open a new level with their own quotes; a
 * comment is skipped. A token escaped with `\` outside single quotes is left
 * alone, as the shell reads it literally. Here-documents are not recognised
 * (a token in one gets the quoting of an unquoted word).
 *
 * @example
 * ```ts
 * substituteShellToken('ls $project_dir/x', '$project_dir', '/my dir'); // "ls '/my dir'/x"
 * substituteShellToken('ls "$project_dir"', '$project_dir', '/a$b'); // 'ls "/a\\$b"'
 * ```
 */
export function substituteShellToken(command: string, token: string, value: string): string {
  const levels: Level[] = [{ kind: 'top', quote: '', parens: 0 }];
  let out = '';
  let i = 0;
  while (i < command.length) {
    const level = levels[levels.length - 1] as Level;
    if (command.startsWith(token, i)) {
      out += quoteIn(levels, value);
      i += token.length;
      continue;
    }
    const c = command[i] as string;
    let take = 1;
    if (level.quote === "'") {
      if (c === "'") level.quote = '';
    } else if (c === '\\') {
      take = 2; // the escaped character (a token too) is taken as is
    } else if (c === '$' && command[i + 1] === '(') {
      levels.push({ kind: 'subst', quote: '', parens: 0 });
      take = 2;
    } else if (c === '`') {
      if (level.kind === 'backtick' && level.quote === '') levels.pop();
      else levels.push({ kind: 'backtick', quote: '', parens: 0 });
    } else if (level.quote === '"') {
      if (c === '"') level.quote = '';
    } else if (c === "'" || c === '"') {
      level.quote = c;
    } else if (c === '#' && (i === 0 || /[\s;&|()<>]/.test(command[i - 1] as string))) {
      const end = command.indexOf('\n', i);
      take = (end < 0 ? command.length : end) - i; // a comment: an apostrophe in it opens no quote
    } else if (level.kind === 'subst' && c === '(') {
      level.parens++;
    } else if (level.kind === 'subst' && c === ')') {
      if (level.parens === 0) levels.pop();
      else level.parens--;
    }
    out += command.slice(i, i + take);
    i += take;
  }
  return out;
}

/** Characters a shell never splits, globs or expands in an unquoted word. */
const BARE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** `value` quoted for the innermost level, then escaped for each enclosing backquote (which removes a `\` before `` ` ``, `$`, `\`). */
function quoteIn(levels: readonly Level[], value: string): string {
  let text = quoteFor((levels[levels.length - 1] as Level).quote, value);
  for (const level of levels) if (level.kind === 'backtick') text = text.replace(/[\\`$]/g, '\\$&');
  return text;
}

function quoteFor(quote: Level['quote'], value: string): string {
  if (quote === "'") return value.replaceAll("'", "'\\''");
  if (quote === '"') return value.replace(/[\\"$`]/g, '\\$&');
  return BARE.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}
