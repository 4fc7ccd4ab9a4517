import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';

/**
 * Lets the user write text in their editor (docs/spec/cli.md 5.11): `$VISUAL`, else
 * `$EDITOR`, else `vi` (`notepad` on Windows), run through the shell with a
 * temp file holding `initial` as its last argument and the terminal of this
 * process. Returns the file's text when the editor exits 0; the file is
 * removed either way.
 *
 * @throws {CliError} `ERR_GAGE_EDITOR` when the editor cannot run or fails,
 *   or the file is not valid UTF-8.
 * @example
 * ```ts
 * const text = (await editText(ctx, '')).trim();
 * ```
 */
export async function editText(ctx: Context, initial: string): Promise<string> {
  const env = ctx.io.env;
  const editor = env['VISUAL'] || env['EDITOR'] || (process.platform === 'win32' ? 'notepad' : 'vi');
  const dir = await mkdtemp(join(tmpdir(), 'gage-comment-'));
  const file = join(dir, 'COMMENT.txt');
  try {
    await writeFile(file, initial);
    const quoted = process.platform === 'win32' ? `"${file}"` : `'${file.replace(/'/g, `'\\''`)}'`;
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(`${editor} ${quoted}`, { shell: true, stdio: 'inherit', env: env as NodeJS.ProcessEnv, cwd: ctx.cwd });
      child.on('error', reject);
      child.on('close', (c, signal) => resolve(c ?? (signal ? 128 : 1)));
    }).catch((err: unknown) => {
      throw editorError(editor, (err as Error).message);
    });
    if (code !== 0) throw editorError(editor, `it exited with status ${code}`);
    const bytes = await readFile(file);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new CliError('ERR_GAGE_EDITOR', 'The text from the editor is not valid UTF-8; nothing was changed', {
        hint: "Save the text as UTF-8, or give it with '-m'.",
      });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function editorError(editor: string, why: string): CliError {
  return new CliError('ERR_GAGE_EDITOR', `Cannot edit the text with '${editor}': ${why}; nothing was changed`, {
    hint: "Set VISUAL or EDITOR to an editor that waits until you close the file, or give the text with '-m'.",
  });
}
