import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * The SHA-256 of a file's content (a symlink's target), streamed so that a
 * large file is never read into memory whole.
 *
 * @param path the file
 * @returns 64 lowercase hex digits
 * @example
 * ```ts
 * await fileSha256('empty.txt'); // 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
 * ```
 */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
