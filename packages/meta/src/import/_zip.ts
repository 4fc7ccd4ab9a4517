import { inflateRawSync } from 'node:zlib';

/** One member of a zip file: its name and its bytes (a directory member has a name ending in `/` and no bytes). */
export interface ZipMember {
  name: string;
  data: Uint8Array;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Reads every member of a zip file held in memory, through its central
 * directory. Supports the two methods Python's `zipfile` writes (0 stored,
 * 8 deflated) and checks each member's CRC-32. Throws an `Error` whose
 * message says what is wrong (the caller adds the path) for anything else:
 * no end record, a truncated member, an unknown method, ZIP64, encryption,
 * a CRC mismatch.
 *
 * @example
 * ```ts
 * for (const m of readZipSync(readFileSync('run.meta.zip'))) console.log(m.name, m.data.length);
 * ```
 */
export function readZipSync(buf: Uint8Array): ZipMember[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const eocd = findEocd(view);
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new Error('ZIP64 archives are not supported');
  if (cdOffset + cdSize > buf.length) throw new Error('the central directory lies beyond the end of the file (truncated?)');
  const members: ZipMember[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || view.getUint32(p, true) !== CENTRAL) throw new Error(`bad central directory entry ${i + 1}`);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressed = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = new TextDecoder().decode(buf.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw new Error(`member "${name}" is encrypted`);
    if (local + 30 > buf.length || view.getUint32(local, true) !== LOCAL) throw new Error(`member "${name}" has no local header (truncated?)`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > buf.length) throw new Error(`member "${name}" is truncated`);
    const raw = buf.subarray(start, start + compressed);
    let data: Uint8Array;
    if (method === 0) data = raw;
    else if (method === 8) {
      try {
        data = inflateRawSync(raw);
      } catch (err) {
        throw new Error(`member "${name}" does not inflate (${(err as Error).message})`);
      }
    } else throw new Error(`member "${name}" uses compression method ${method} (only 0 and 8 are supported)`);
    if (data.length !== size || crc32(data) !== crc) throw new Error(`member "${name}" is damaged (size or CRC-32 does not match)`);
    members.push({ name, data });
  }
  return members;
}

function findEocd(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let p = view.byteLength - 22; p >= min; p--) {
    if (view.getUint32(p, true) === EOCD) return p;
  }
  throw new Error('not a zip file (no end of central directory record)');
}

let TABLE: Uint32Array | undefined;

/** CRC-32 (IEEE), as zip stores it. */
export function crc32(data: Uint8Array): number {
  const table = (TABLE ??= makeTable());
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = (table[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function makeTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}
