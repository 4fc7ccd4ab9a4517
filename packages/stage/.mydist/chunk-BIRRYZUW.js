import {
  patchScalarSpans,
  spansToConfig
} from "./chunk-7LYES5PY.js";
import {
  ConfigSyntaxError
} from "./chunk-WO4GTN6R.js";

// src/config/_toml-encode.ts
import { pythonFloatRepr } from "@gage/types";
var INT64_MIN = -(2n ** 63n);
var INT64_MAX = 2n ** 63n - 1n;
var CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;
function encodeTomlScalar(span, value) {
  if (value === null) return { warning: "cannot write null to a TOML file (TOML has no null); value left unchanged" };
  if (typeof value === "boolean") return { text: String(value) };
  if (typeof value === "number") return { text: tomlFloat(value) };
  if (typeof value === "bigint") return tomlInteger(span, value);
  switch (span.lexeme) {
    case "literal":
      return { text: CONTROL.test(value) || value.includes("'") ? basicString(value) : `'${value}'` };
    case "ml-literal":
      return { text: isMultilineLiteral(value) ? `'''${value}'''` : multilineBasicString(value) };
    case "ml-basic":
      return { text: multilineBasicString(value) };
    default:
      return { text: basicString(value) };
  }
}
function tomlFloat(x) {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  return pythonFloatRepr(x);
}
function tomlInteger(span, value) {
  if (value < INT64_MIN || value > INT64_MAX) {
    return { warning: `cannot write ${value} to a TOML file (integers are 64-bit); value left unchanged` };
  }
  const radix = { "0x": 16, "0o": 8, "0b": 2 }[span.lexeme];
  if (radix === void 0 || value < 0n) return { text: value.toString() };
  return { text: span.lexeme + value.toString(radix) };
}
function escapeChar(ch) {
  const named = { "\b": "\\b", "	": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\" };
  return named[ch] ?? "\\u" + ch.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
}
function basicString(s) {
  return '"' + s.replace(/[\x00-\x1f\x7f"\\]/g, escapeChar) + '"';
}
function multilineBasicString(s) {
  const body = s.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f"\\]|\r(?!\n)/g, escapeChar);
  const lead = /^\r?\n/.exec(body)?.[0] ?? "";
  return '"""' + lead.replace("\r", "\\r").replace("\n", "\\n") + body.slice(lead.length) + '"""';
}
function isMultilineLiteral(s) {
  return !/[\x00-\x08\x0b-\x1f\x7f]/.test(s) && !s.includes("'''") && !s.endsWith("'") && !s.startsWith("\n");
}

// src/config/_toml-scan.ts
import { parse, TomlError } from "smol-toml";
function scanToml(text) {
  parseToml(text);
  const scanner = new TomlScanner(text);
  scanner.document();
  return scanner.spans;
}
function parseToml(text) {
  try {
    return parse(text, { integersAsBigInt: true });
  } catch (err) {
    if (!(err instanceof TomlError)) throw err;
    const reason = err.message.replace(/^Invalid TOML document: /, "").replace(/\n[\s\S]*$/, "");
    throw new ConfigSyntaxError("TOML", reason, err.line, err.column, { cause: err });
  }
}
var BARE_KEY = /[A-Za-z0-9_-]+/y;
var BARE_VALUE = /[A-Za-z0-9_+\-.:]+/y;
var TomlScanner = class {
  s;
  spans = /* @__PURE__ */ new Map();
  /** Arrays of tables seen so far (resolved path, NUL-joined) and their lengths. */
  arrays = /* @__PURE__ */ new Map();
  i;
  constructor(s) {
    this.s = s;
    this.i = s.charCodeAt(0) === 65279 ? 1 : 0;
  }
  document() {
    let table = [];
    for (this.blank(); this.i < this.s.length; this.blank()) {
      if (this.s.startsWith("[[", this.i)) {
        this.i += 2;
        table = this.arrayTable(this.keys());
        this.i += 2;
      } else if (this.s[this.i] === "[") {
        this.i += 1;
        table = this.resolve(this.keys());
        this.i += 1;
      } else {
        this.keyValue(table);
      }
    }
  }
  /** Skips spaces, tabs, line breaks and comments. */
  blank() {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === " " || c === "	" || c === "\n" || c === "\r") this.i++;
      else if (c === "#") while (this.i < s.length && s[this.i] !== "\n") this.i++;
      else break;
    }
  }
  spaces() {
    while (this.s[this.i] === " " || this.s[this.i] === "	") this.i++;
  }
  /** A dotted key (`a."b.c".'d'`), its parts decoded. */
  keys() {
    const parts = [];
    for (; ; ) {
      this.spaces();
      const c = this.s[this.i];
      if (c === '"' || c === "'") {
        const start = this.i;
        this.string();
        parts.push(Object.keys(parse(this.s.slice(start, this.i) + " = 0"))[0]);
      } else {
        BARE_KEY.lastIndex = this.i;
        const m = BARE_KEY.exec(this.s);
        parts.push(m[0]);
        this.i += m[0].length;
      }
      this.spaces();
      if (this.s[this.i] !== ".") return parts;
      this.i++;
    }
  }
  /** A table header's path with the current index of every array of tables on the way. */
  resolve(keys) {
    const path = [];
    for (const key of keys) {
      path.push(key);
      const count = this.arrays.get(path.join("\0"));
      if (count !== void 0) path.push(String(count - 1));
    }
    return path;
  }
  arrayTable(keys) {
    const path = [...this.resolve(keys.slice(0, -1)), keys[keys.length - 1]];
    const id = path.join("\0");
    const count = this.arrays.get(id) ?? 0;
    this.arrays.set(id, count + 1);
    return [...path, String(count)];
  }
  keyValue(prefix) {
    const path = [...prefix, ...this.keys()];
    this.i++;
    this.spaces();
    this.value(path);
  }
  value(path) {
    const c = this.s[this.i];
    if (c === "[") this.array(path);
    else if (c === "{") this.inlineTable(path);
    else this.scalar(path);
  }
  array(path) {
    this.i++;
    for (let index = 0; ; index++) {
      this.blank();
      if (this.s[this.i] === "]") break;
      this.value([...path, String(index)]);
      this.blank();
      if (this.s[this.i] === ",") this.i++;
    }
    this.i++;
  }
  inlineTable(path) {
    this.i++;
    for (; ; ) {
      this.blank();
      if (this.s[this.i] === "}") break;
      this.keyValue(path);
      this.blank();
      if (this.s[this.i] === ",") this.i++;
    }
    this.i++;
  }
  scalar(path) {
    const start = this.i;
    const lexeme = this.s[start] === '"' || this.s[start] === "'" ? this.string() : this.bare();
    const value = parse("v = " + this.s.slice(start, this.i), { integersAsBigInt: true }).v;
    if (typeof value === "object" && value !== null) return;
    const key = path.join(".");
    this.spans.delete(key);
    this.spans.set(key, { start, end: this.i, value, lexeme });
  }
  bare() {
    BARE_VALUE.lastIndex = this.i;
    let token = BARE_VALUE.exec(this.s)[0];
    this.i += token.length;
    if (/^\d{4}-\d{2}-\d{2}$/.test(token) && /^ \d{2}:/.test(this.s.slice(this.i, this.i + 4))) {
      this.i++;
      BARE_VALUE.lastIndex = this.i;
      token = BARE_VALUE.exec(this.s)[0];
      this.i += token.length;
    }
    const prefix = token.slice(0, 2);
    return prefix === "0x" || prefix === "0o" || prefix === "0b" ? prefix : "other";
  }
  /** Moves past a string of any kind and says which. */
  string() {
    const s = this.s;
    const q = s[this.i];
    const multi = s.startsWith(q.repeat(3), this.i);
    this.i += multi ? 3 : 1;
    for (; ; ) {
      if (q === '"' && s[this.i] === "\\") this.i += 2;
      else if (s[this.i] !== q) this.i++;
      else if (!multi) break;
      else if (s.startsWith(q.repeat(3), this.i)) {
        let run = 3;
        while (run < 5 && s[this.i + run] === q) run++;
        this.i += run - 1;
        break;
      } else this.i++;
    }
    this.i++;
    if (q === '"') return multi ? "ml-basic" : "basic";
    return multi ? "ml-literal" : "literal";
  }
};

// src/config/toml-config.ts
var tomlConfigFormat = {
  read(text) {
    return spansToConfig(scanToml(text));
  },
  patch(text, values) {
    return patchScalarSpans(text, scanToml(text), values, encodeTomlScalar);
  }
};

export {
  tomlConfigFormat
};
//# sourceMappingURL=chunk-BIRRYZUW.js.map