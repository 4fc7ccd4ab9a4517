import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The TensorFlow event files (`events.out.tfevents.*`) under a run dir, as
 * paths relative to it, sorted; `.guild` is not searched.
 *
 * @example
 * ```ts
 * findTfEventFiles(runDir); // ['events.out.tfevents.1700000000.host.1.0']
 * ```
 */
export function findTfEventFiles(runDir: string): string[] {
  const found: string[] = [];
  const walk = (rel: string): void => {
    let entries;
    try {
      entries = readdirSync(rel ? join(runDir, rel) : runDir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && path !== '.guild') walk(path);
      else if (e.isFile() && e.name.startsWith('events.out.tfevents.')) found.push(path);
    }
  };
  walk('');
  return found.sort();
}

/** One scalar value read from an event file. */
interface TfScalar {
  tag: string;
  step: number;
  value: number;
  /** Wall time in epoch milliseconds. */
  ms: number;
}

/** What {@link readTfScalars} found: the scalars, how many records it read, and what stopped it early. */
export interface TfScalars {
  scalars: TfScalar[];
  records: number;
  damaged: string | undefined;
}

/**
 * Reads the scalars of a TensorFlow event file without TensorFlow: TFRecord
 * framing (`u64 length`, `u32 crc`, data, `u32 crc`; the CRCs are not
 * checked) and the protobuf fields of `Event` (1 wall_time, 2 step,
 * 5 summary), `Summary.Value` (1 tag, 2 simple_value, 8 tensor) and
 * `TensorProto` (1 dtype, 4 tensor_content, 5 float_val, 6 double_val,
 * 7 int_val, 10 int64_val). A tensor counts when it holds exactly one
 * number. Reading stops at a record that does not fit the file.
 *
 * @example
 * ```ts
 * const { scalars } = readTfScalars(readFileSync('events.out.tfevents.1700000000.host'));
 * ```
 */
export function readTfScalars(data: Uint8Array): TfScalars {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const scalars: TfScalar[] = [];
  let pos = 0;
  let records = 0;
  while (pos < data.length) {
    if (pos + 12 > data.length) return { scalars, records, damaged: `a truncated record header at byte ${pos}` };
    const len = Number(view.getBigUint64(pos, true));
    if (pos + 16 + len > data.length) return { scalars, records, damaged: `a record of ${len} bytes at byte ${pos} runs past the end` };
    try {
      readEvent(data.subarray(pos + 12, pos + 12 + len), scalars);
    } catch (err) {
      return { scalars, records, damaged: `record ${records + 1}: ${(err as Error).message}` };
    }
    records++;
    pos += 16 + len;
  }
  return { scalars, records, damaged: undefined };
}

type Field = { n: number; wire: number; varint: bigint; bytes: Uint8Array; fixed: DataView };

function* fields(buf: Uint8Array): Generator<Field> {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let p = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (p >= buf.length) throw new Error('a varint runs past the end');
      const b = buf[p++] as number;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
      if (shift > 70n) throw new Error('a varint is too long');
    }
  };
  while (p < buf.length) {
    const key = Number(varint());
    const n = key >>> 3;
    const wire = key & 7;
    const f: Field = { n, wire, varint: 0n, bytes: EMPTY, fixed: view };
    if (wire === 0) f.varint = varint();
    else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      if (p + size > buf.length) throw new Error('a fixed field runs past the end');
      f.fixed = new DataView(buf.buffer, buf.byteOffset + p, size);
      p += size;
    } else if (wire === 2) {
      const len = Number(varint());
      if (p + len > buf.length) throw new Error('a field runs past the end');
      f.bytes = buf.subarray(p, p + len);
      p += len;
    } else throw new Error(`unknown wire type ${wire}`);
    yield f;
  }
}

const EMPTY = new Uint8Array(0);

function readEvent(buf: Uint8Array, out: TfScalar[]): void {
  let wall = 0;
  let step = 0;
  const summaries: Uint8Array[] = [];
  for (const f of fields(buf)) {
    if (f.n === 1 && f.wire === 1) wall = f.fixed.getFloat64(0, true);
    else if (f.n === 2 && f.wire === 0) step = Number(BigInt.asIntN(64, f.varint));
    else if (f.n === 5 && f.wire === 2) summaries.push(f.bytes);
  }
  for (const summary of summaries) {
    for (const v of fields(summary)) {
      if (v.n !== 1 || v.wire !== 2) continue;
      let tag = '';
      let value: number | undefined;
      for (const f of fields(v.bytes)) {
        if (f.n === 1 && f.wire === 2) tag = new TextDecoder().decode(f.bytes);
        else if (f.n === 2 && f.wire === 5) value = shortestFloat32(f.fixed.getFloat32(0, true));
        else if (f.n === 8 && f.wire === 2) value = tensorScalar(f.bytes);
      }
      if (tag !== '' && value !== undefined) out.push({ tag, step, value, ms: Math.round(wall * 1000) });
    }
  }
}

function tensorScalar(buf: Uint8Array): number | undefined {
  let dtype = 0;
  const values: number[] = [];
  let content: Uint8Array | undefined;
  for (const f of fields(buf)) {
    if (f.n === 1 && f.wire === 0) dtype = Number(f.varint);
    else if (f.n === 4 && f.wire === 2) content = f.bytes;
    else if (f.n === 5) values.push(...packed(f, 4, (d, o) => d.getFloat32(o, true)));
    else if (f.n === 6) values.push(...packed(f, 8, (d, o) => d.getFloat64(o, true)));
    else if ((f.n === 7 || f.n === 10) && f.wire === 0) values.push(Number(BigInt.asIntN(64, f.varint)));
    else if ((f.n === 7 || f.n === 10) && f.wire === 2) {
      for (const x of fields(prefixVarints(f.bytes, f.n))) values.push(Number(BigInt.asIntN(64, x.varint)));
    }
  }
  if (content !== undefined && values.length === 0) {
    const d = new DataView(content.buffer, content.byteOffset, content.byteLength);
    if (dtype === 1 && content.length === 4) values.push(d.getFloat32(0, true));
    else if (dtype === 2 && content.length === 8) values.push(d.getFloat64(0, true));
    else if (dtype === 3 && content.length === 4) values.push(d.getInt32(0, true));
    else if (dtype === 9 && content.length === 8) values.push(Number(d.getBigInt64(0, true)));
  }
  // DT_FLOAT 1, DT_DOUBLE 2, DT_INT32 3, DT_INT64 9.
  if (![1, 2, 3, 9].includes(dtype) || values.length !== 1) return undefined;
  return dtype === 1 ? shortestFloat32(values[0] as number) : values[0];
}

/** A float32 as the shortest decimal that reads back as the same float32 (`0.1f` is 0.1, not 0.10000000149011612). */
function shortestFloat32(v: number): number {
  if (!Number.isFinite(v)) return v;
  for (let p = 1; p <= 9; p++) {
    const x = Number(v.toPrecision(p));
    if (Math.fround(x) === v) return x;
  }
  return v;
}

function packed(f: Field, size: number, read: (d: DataView, offset: number) => number): number[] {
  if (f.wire === (size === 4 ? 5 : 1)) return [read(f.fixed, 0)];
  if (f.wire !== 2 || f.bytes.length % size !== 0) return [];
  const d = new DataView(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength);
  return Array.from({ length: f.bytes.length / size }, (_, i) => read(d, i * size));
}

/** Packed varints re-read as a sequence of varint fields (field number `n`, wire type 0). */
function prefixVarints(bytes: Uint8Array, n: number): Uint8Array {
  const out: number[] = [];
  let start = true;
  for (const b of bytes) {
    if (start) out.push((n << 3) | 0);
    out.push(b);
    start = (b & 0x80) === 0;
  }
  return Uint8Array.from(out);
}
