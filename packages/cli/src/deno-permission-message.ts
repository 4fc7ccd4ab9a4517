/** What `gage` says when Deno refused it a permission (docs/spec/cli.md 1.2). */
export interface DenoPermissionMessage {
  /** `Deno has not granted env access to "HOME"`. */
  message: string;
  /** How to grant it: `-A`, or the one `--allow-*` flag. */
  hint: string;
}

const REQUIRES = /^Requires (\w+) access(?: to (.+?))?, run again with the (--allow-[\w-]+) flag/;

/**
 * The message for an error Deno throws when `gage` runs without a
 * permission it needs (`deno run gage.js`: a `NotCapable` error,
 * `Requires env access to "X", run again with the --allow-env flag`), or
 * `undefined` for any other error. Such an error is the user's to fix, not a
 * bug in Gage.
 *
 * @example
 * ```ts
 * denoPermissionMessage(err)?.hint; // "Run gage with every permission it needs: 'deno run -A gage.js ...' ..."
 * ```
 */
export function denoPermissionMessage(err: unknown): DenoPermissionMessage | undefined {
  if (!(err instanceof Error) || (err.name !== 'NotCapable' && err.name !== 'PermissionDenied')) return undefined;
  const m = REQUIRES.exec(err.message);
  if (!m) return undefined;
  const [, kind, what, flag] = m;
  return {
    message: `Deno has not granted ${kind} access${what ? ` to ${what}` : ''}`,
    hint: 'Gage reads and writes files, reads the environment and starts processes: run it with ' +
      `'deno run -A gage.js ...', or grant this permission with '${flag}'.`,
  };
}
