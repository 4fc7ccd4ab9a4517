// src/config/_toml-json-yaml-edits.ts
function sameConfigValue(a, b) {
  return typeof a === typeof b && Object.is(a, b);
}
function spansToConfig(spans) {
  const config = {};
  for (const [key, span] of spans) config[key] = span.value;
  return config;
}
function patchScalarSpans(text, spans, values, encode) {
  const edits = [];
  const warnings = [];
  for (const [key, value] of Object.entries(values)) {
    const span = spans.get(key);
    if (span === void 0 || sameConfigValue(span.value, value)) continue;
    const encoded = encode(span, value);
    if ("warning" in encoded) warnings.push(`${key}: ${encoded.warning}`);
    else edits.push({ start: span.start, end: span.end, text: encoded.text });
  }
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, warnings };
}

export {
  spansToConfig,
  patchScalarSpans
};
//# sourceMappingURL=chunk-7LYES5PY.js.map