import { type Stats } from 'node:fs';
/**
 * Whether a file is text (stage.md 4.5): not a regular file -> false; known
 * text or binary extension decides; otherwise the first 1024 bytes are
 * sampled (never more). Symlinks are followed.
 *
 * @throws the `stat` error (`ENOENT`) when the file is missing.
 * @example
 * ```ts
 * await isTextFile('train.py'); // true
 * await isTextFile('model.pkl'); // false
 * ```
 */
export declare function isTextFile(path: string): Promise<boolean>;
/**
 * {@link isTextFile} with synchronous calls, for selecting many files: the
 * usual case (a known extension) costs one `stat`, or none when the caller
 * passes the file's stats; each async call is a thread-pool round trip worth
 * several times the call itself.
 *
 * @throws the `stat` error (`ENOENT`) when the file is missing.
 * @example
 * ```ts
 * isTextFileSync('train.py'); // true
 * ```
 */
export declare function isTextFileSync(path: string, stats?: Pick<Stats, 'isFile'>): boolean;
/** Steps 4-7 of stage.md 4.5 on a sample of at most 1024 bytes. */
export declare function isTextSample(sample: Uint8Array): boolean;
//# sourceMappingURL=is-text-file.d.ts.map