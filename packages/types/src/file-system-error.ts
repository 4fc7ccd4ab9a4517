import { GageError } from './errors.js';

/** The error codes of {@link FileSystemError}. */
export type FileSystemErrorCode = 'ERR_GAGE_NO_SPACE' | 'ERR_GAGE_READ_ONLY' | 'ERR_GAGE_PERMISSION';

/** The errno codes described, with the code, the reason (message detail) and the hint of each. */
const KNOWN: Record<string, [FileSystemErrorCode, string, string]> = {
  ENOSPC: ['ERR_GAGE_NO_SPACE', 'no space left on device', 'Free some space on that file system and try again.'],
  EDQUOT: ['ERR_GAGE_NO_SPACE', 'disk quota exceeded', 'Free some space within your quota and try again.'],
  EFBIG: ['ERR_GAGE_NO_SPACE', 'file too large', 'The file is larger than the file system or the file size limit (ulimit -f) allows.'],
  EROFS: ['ERR_GAGE_READ_ONLY', 'read-only file system', 'Remount that file system read-write, or use a runs dir on another one.'],
  EACCES: ['ERR_GAGE_PERMISSION', 'permission denied', 'Check the owner and the permissions of that path and of its parent dirs.'],
  EPERM: ['ERR_GAGE_PERMISSION', 'operation not permitted', 'Check the owner, the permissions and the attributes of that path.'],
};

/** What a failing syscall was doing, as a verb (`Cannot <verb> "<path>"`). */
const VERBS: Record<string, string> = {
  mkdir: 'create',
  rmdir: 'remove',
  unlink: 'remove',
  rm: 'remove',
  rename: 'rename',
  write: 'write',
  read: 'read',
  chmod: 'change the mode of',
  utime: 'change the time of',
  copyfile: 'copy to',
  symlink: 'create',
};

/** Options of {@link FileSystemError} and {@link fileSystemError}. */
export interface FileSystemErrorOptions {
  /**
   * What failed, the start of the message (`Cannot lock run "abc"`); default
   * `Cannot <verb> "<path>"` from the error's syscall and path.
   */
  action?: string | undefined;
  /** The path, when the error does not name one (a `write` to a descriptor); default the error's `path`. */
  path?: string | undefined;
  /** Added after the standard hint, e.g. what became of the run. */
  hint?: string | undefined;
}

/**
 * A file system that refused a change Gage needed, in words a user can act
 * on: no space left (`ERR_GAGE_NO_SPACE`, from `ENOSPC`, `EDQUOT` or `EFBIG`), a
 * read-only file system (`ERR_GAGE_READ_ONLY`, `EROFS`), or a permission
 * (`ERR_GAGE_PERMISSION`, `EACCES`, `EPERM`). The message says what failed
 * and why, e.g. `Cannot write "/runs/abc.meta/output/40_run": no space left
 * on device`; the hint says what to do; `cause` is the original error.
 * Build it with {@link fileSystemError}.
 */
export class FileSystemError extends GageError<FileSystemErrorCode> {
  /** The errno code of the cause (`ENOSPC`, ...). */
  readonly errno: string;
  /** The path concerned, when known. */
  readonly path: string | undefined;

  constructor(code: FileSystemErrorCode, message: string, errno: string, path: string | undefined, options: { hint?: string; cause?: unknown } = {}) {
    super(code, message, options);
    this.errno = errno;
    this.path = path;
  }
}

/**
 * The {@link FileSystemError} that describes `err`, or `undefined` when
 * `err` is not a file system error it knows (then handle or rethrow `err`
 * as it is). A `FileSystemError` passed in comes back unchanged.
 *
 * @param err a caught error (usually a Node `fs` errno error)
 * @param options `action`, `path`, `hint`
 * @example
 * ```ts
 * try { writeFileSync(path, text); } catch (err) { throw fileSystemError(err) ?? err; }
 * // FileSystemError: Cannot write "/runs/abc.meta/x": no space left on device (ERR_GAGE_NO_SPACE)
 * ```
 */
export function fileSystemError(err: unknown, options: FileSystemErrorOptions = {}): FileSystemError | undefined {
  if (err instanceof FileSystemError) return err;
  const e = err as { code?: unknown; syscall?: unknown; path?: unknown } | null;
  const errno = typeof e?.code === 'string' ? e.code : undefined;
  const known = errno === undefined ? undefined : KNOWN[errno];
  if (errno === undefined || known === undefined) return undefined;
  const [code, reason, hint] = known;
  const path = options.path ?? (typeof e?.path === 'string' ? e.path : undefined);
  const syscall = typeof e?.syscall === 'string' ? e.syscall : '';
  const verb = VERBS[syscall] ?? (syscall === 'open' && code !== 'ERR_GAGE_PERMISSION' ? 'write' : syscall || 'change');
  const action = options.action ?? (path === undefined ? `Cannot ${verb}` : `Cannot ${verb} "${path}"`);
  const where = options.action !== undefined && path !== undefined ? ` ("${path}")` : '';
  return new FileSystemError(code, `${action}: ${reason}${where}`, errno, path, {
    hint: options.hint ? `${hint}\n${options.hint}` : hint,
    cause: err,
  });
}
