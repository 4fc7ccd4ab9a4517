/** What converting an output index found wrong (a note for the import report), or `undefined`. */
export interface ConvertedIndex {
  index: Uint8Array;
  note: string | undefined;
}

/**
 * Rebuilds an output index so that record `k` describes line `k` of the
 * output (docs/spec/lifecycle.md 9). Guild AI and Gage (Python) write the
 * same 9-byte records, but Guild counts lines apart from the bytes it
 * writes (it skips bytes below 0x09 and can record the last piece of both
 * streams as two lines), so its index may be shorter or longer than the
 * output. Lines without a record get the last record's time and stream
 * (or `fallbackMs` and stdout when there is none); extra records are
 * dropped. Both cases give a note.
 *
 * @example
 * ```ts
 * const { index, note } = convertOutputIndex(output, guildIndex, startedMs);
 * ```
 */
export function convertOutputIndex(output: Uint8Array, index: Uint8Array | undefined, fallbackMs: number): ConvertedIndex {
  const lines = countLines(output);
  const have = index === undefined ? 0 : Math.floor(index.length / 9);
  const out = new Uint8Array(lines * 9);
  const view = new DataView(out.buffer);
  let lastTime = BigInt(Math.max(0, Math.floor(fallbackMs)));
  let lastStream = 0;
  for (let k = 0; k < lines; k++) {
    if (k < have && index !== undefined) {
      const src = new DataView(index.buffer, index.byteOffset + k * 9, 9);
      lastTime = src.getBigUint64(0);
      lastStream = (src.getUint8(8) & 0x7f) === 1 ? 1 : 0;
    }
    view.setBigUint64(k * 9, lastTime);
    view.setUint8(k * 9 + 8, lastStream);
  }
  let note: string | undefined;
  if (index === undefined && lines > 0) note = `output has no index: its ${lines} lines get the run's start time, stream stdout`;
  else if (have < lines) note = `output index has ${have} records for ${lines} lines: the last ${lines - have} take the time of the line before them`;
  else if (have > lines) note = `output index has ${have} records for ${lines} lines: ${have - lines} dropped`;
  return { index: out, note };
}

function countLines(output: Uint8Array): number {
  let n = 0;
  let pos = output.indexOf(0x0a);
  let last = -1;
  while (pos !== -1) {
    n++;
    last = pos;
    pos = output.indexOf(0x0a, pos + 1);
  }
  return last === output.length - 1 || output.length === 0 ? n : n + 1;
}
