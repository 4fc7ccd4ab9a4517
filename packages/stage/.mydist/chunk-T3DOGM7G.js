import {
  patchScalarSpans,
  spansToConfig
} from "./chunk-7LYES5PY.js";
import {
  ConfigSyntaxError
} from "./chunk-WO4GTN6R.js";

// src/config/json-config.ts
import { isGageError, parseJson, pythonFloatRepr } from "@gage/types";

// src/config/_json-scan.ts
var NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
function scanJson(text) {
  const scanner = new JsonScanner(text);
  const start = text.charCodeAt(0) === 65279 ? 1 : 0;
  const [root] = scanner.value(scanner.ws(start));
  const spans = /* @__PURE__ */ new Map();
  if (root.kind !== "scalar") flatten(root, "", spans);
  return spans;
}
function flatten(node, key, spans) {
  if (node.kind === "scalar") {
    spans.set(key, node.span);
    return;
  }
  const prefix = key === "" ? "" : key + ".";
  if (node.kind === "object") for (const [k, child] of node.entries) flatten(child, prefix + k, spans);
  else node.items.forEach((child, i) => flatten(child, prefix + String(i), spans));
}
var JsonScanner = class {
  s;
  constructor(s) {
    this.s = s;
  }
  ws(i) {
    while (i < this.s.length && " 	\n\r".includes(this.s[i])) i++;
    return i;
  }
  value(i) {
    const c = this.s[i];
    if (c === "{") return this.object(i);
    if (c === "[") return this.array(i);
    const [value, end] = c === '"' ? this.string(i) : this.literal(i);
    return [{ kind: "scalar", span: { start: i, end, value } }, end];
  }
  object(i) {
    const entries = /* @__PURE__ */ new Map();
    i = this.ws(i + 1);
    while (this.s[i] !== "}") {
      const [key, afterKey] = this.string(i);
      const [child, end] = this.value(this.ws(this.ws(afterKey) + 1));
      entries.delete(key);
      entries.set(key, child);
      i = this.ws(end);
      if (this.s[i] === ",") i = this.ws(i + 1);
    }
    return [{ kind: "object", entries }, i + 1];
  }
  array(i) {
    const items = [];
    i = this.ws(i + 1);
    while (this.s[i] !== "]") {
      const [child, end] = this.value(i);
      items.push(child);
      i = this.ws(end);
      if (this.s[i] === ",") i = this.ws(i + 1);
    }
    return [{ kind: "array", items }, i + 1];
  }
  string(i) {
    let j = i + 1;
    while (this.s[j] !== '"') j += this.s[j] === "\\" ? 2 : 1;
    return [JSON.parse(this.s.slice(i, j + 1)), j + 1];
  }
  literal(i) {
    for (const [word, value] of LITERALS) if (this.s.startsWith(word, i)) return [value, i + word.length];
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(this.s);
    const isFloat = m[1] !== void 0 || m[2] !== void 0;
    return [isFloat ? Number(m[0]) : BigInt(m[0]), i + m[0].length];
  }
};
var LITERALS = [
  ["null", null],
  ["true", true],
  ["false", false],
  ["NaN", NaN],
  ["Infinity", Infinity],
  ["-Infinity", -Infinity]
];

// src/config/json-config.ts
var jsonConfigFormat = {
  read(text) {
    return spansToConfig(scanValidJson(text));
  },
  patch(text, values) {
    return patchScalarSpans(text, scanValidJson(text), values, encodeJsonScalar);
  }
};
function scanValidJson(text) {
  try {
    parseJson(text.charCodeAt(0) === 65279 ? text.slice(1) : text, { bigint: true });
  } catch (err) {
    if (isGageError(err) && err.code === "ERR_GAGE_JSON_SYNTAX") {
      const e = err;
      throw new ConfigSyntaxError("JSON", e.reason, e.line, e.column, { cause: err });
    }
    throw err;
  }
  return scanJson(text);
}
function encodeJsonScalar(_span, value) {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { warning: `cannot write ${pythonFloatRepr(value)} to a JSON file (JSON has no infinity or NaN); value left unchanged` };
    return { text: pythonFloatRepr(value) };
  }
  if (typeof value === "bigint") return { text: value.toString() };
  return { text: JSON.stringify(value) };
}

export {
  jsonConfigFormat
};
//# sourceMappingURL=chunk-T3DOGM7G.js.map