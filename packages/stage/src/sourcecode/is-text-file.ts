import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';

const TEXT_EXTENSIONS = new Set([
  '.csv',
  '.html',
  '.json',
  '.jsx',
  '.md',
  '.py',
  '.r',
  '.sh',
  '.ts',
  '.yaml',
  '.yml',
  '.tsx',
  '.txt',
  '.js',
]);

const BINARY_EXTENSIONS = new Set(
  ('.ai .bmp .gif .ico .jpeg .jpg .png .ps .psd .svg .tif .tiff .aif .mid .midi .mpa .mp3 .ogg .wav .wma .avi ' +
    '.mov .mp4 .mpeg .swf .wmv .7z .deb .gz .pkg .rar .rpm .tar .xz .z .zip .doc .docx .key .pdf .ppt .pptx ' +
    '.xlr .xls .xlsx .bin .pickle .pkl .pyc').split(' '),
);

const SAMPLE_SIZE = 1024;

/**
 * Whether a file is text (docs/spec/stage.md 4.5): not a regular file -> false; known
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
export async function isTextFile(path: string): Promise<boolean> {
  if (!(await stat(path)).isFile()) return false;
  const ext = extensionOf(path);
  if (TEXT_EXTENSIONS.has(ext)) return true;
  if (BINARY_EXTENSIONS.has(ext)) return false;
  return isTextSample(await readSample(path));
}

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
export function isTextFileSync(path: string, stats: Pick<Stats, 'isFile'> = statSync(path)): boolean {
  if (!stats.isFile()) return false;
  const ext = extensionOf(path);
  if (TEXT_EXTENSIONS.has(ext)) return true;
  if (BINARY_EXTENSIONS.has(ext)) return false;
  return isTextSample(readSampleSync(path));
}

/** The last suffix, lower case; `''` for none or a leading-dot name like `.gitignore`. */
function extensionOf(path: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

async function readSample(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buf = new Uint8Array(SAMPLE_SIZE);
    let n = 0;
    while (n < SAMPLE_SIZE) {
      const { bytesRead } = await handle.read(buf, n, SAMPLE_SIZE - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    return buf.subarray(0, n);
  } finally {
    await handle.close();
  }
}

function readSampleSync(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buf = new Uint8Array(SAMPLE_SIZE);
    let n = 0;
    while (n < SAMPLE_SIZE) {
      const bytesRead = readSync(fd, buf, n, SAMPLE_SIZE - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Steps 4-7 of docs/spec/stage.md 4.5 on a sample of at most 1024 bytes. */
export function isTextSample(sample: Uint8Array): boolean {
  if (sample.length === 0) return true;
  let nonText = 0;
  let ascii = 0;
  let zeroOrFF = false;
  for (const b of sample) {
    if (!(b === 0x08 || b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d || (b >= 0x20 && b <= 0x7e))) nonText++;
    if (b < 0x7f) ascii++;
    if (b === 0x00 || b === 0xff) zeroOrFF = true;
  }
  const r1 = nonText / sample.length;
  const r2 = ascii / sample.length;
  const likelyBinary = (r1 > 0.3 && r2 < 0.05) || (r1 > 0.8 && r2 > 0.8);
  const canDecode = decodable(sample);
  if (likelyBinary) return canDecode;
  if (canDecode) return true;
  return !zeroOrFF;
}

function decodable(sample: Uint8Array): boolean {
  const [a, b, c, d] = sample;
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return true; // UTF-16 (and UTF-32 LE) BOM
  if (a === 0x00 && b === 0x00 && c === 0xfe && d === 0xff) return true; // UTF-32 BE BOM
  if (!sample.some((x) => x >= 0x80)) return false;
  try {
    // A sample cut by the size limit may end inside a sequence: stream mode allows that.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: sample.length === SAMPLE_SIZE });
    return true;
  } catch {
    return false;
  }
}
