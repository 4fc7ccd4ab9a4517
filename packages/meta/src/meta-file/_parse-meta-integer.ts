/** A scalar meta file's integer (trailing whitespace stripped, docs/spec/lifecycle.md 5.1), or `undefined` when it is not one. */
export function parseMetaInteger(text: string): number | undefined {
  const s = text.trimEnd();
  if (!/^-?\d+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}
