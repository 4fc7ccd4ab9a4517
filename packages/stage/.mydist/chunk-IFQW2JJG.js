import {
  patchScalarSpans,
  spansToConfig
} from "./chunk-7LYES5PY.js";
import {
  ConfigSyntaxError
} from "./chunk-WO4GTN6R.js";

// src/config/_yaml-encode.ts
import { pythonFloatRepr } from "@gage/types";

// src/config/_yaml-scan.ts
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  parse,
  parseDocument
} from "yaml";
var PYYAML_BOOL = {
  true: /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  false: /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/
};
var YAML_OPTIONS = {
  version: "1.1",
  intAsBigInt: true,
  customTags: (tags) => tags.map((tag) => {
    if (typeof tag !== "object" || tag.tag !== "tag:yaml.org,2002:bool" || !("test" in tag)) return tag;
    const test = tag.identify?.(true) ? PYYAML_BOOL["true"] : PYYAML_BOOL["false"];
    return { ...tag, test };
  })
};
function scanYaml(text) {
  const doc = parseDocument(text, YAML_OPTIONS);
  const error = doc.errors[0];
  if (error !== void 0) {
    const { line, col } = error.linePos?.[0] ?? { line: 1, col: 1 };
    const reason = error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, "");
    throw new ConfigSyntaxError("YAML", reason, line, col, { cause: error });
  }
  const spans = /* @__PURE__ */ new Map();
  if (!isScalar(doc.contents)) visit(doc.contents, "", spans);
  return spans;
}
function visit(node, key, spans) {
  const prefix = key === "" ? "" : key + ".";
  if (isMap(node)) {
    for (const pair of node.items) {
      const k = isScalar(pair.key) ? pair.key.value : void 0;
      if (typeof k !== "string" || k === "<<") continue;
      visit(pair.value, prefix + k, spans);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      if (!isPair(item)) visit(item, prefix + String(i), spans);
    });
  } else if (isScalar(node)) {
    const span = scalarSpan(node);
    if (span !== void 0) {
      spans.delete(key);
      spans.set(key, span);
    }
  }
}
function scalarSpan(node) {
  const value = node.value;
  if (!isConfigValue(value) || node.range == null) return void 0;
  return { start: node.range[0], end: node.range[1], value, style: node.type ?? "PLAIN", tagged: node.tag !== void 0 };
}
function isConfigValue(value) {
  return value === null || ["string", "boolean", "bigint", "number"].includes(typeof value);
}
function yamlReadings(text) {
  return [parse(text, YAML_OPTIONS), parse(text, { version: "1.1" }), parse(text, { version: "1.2" })];
}

// src/config/_yaml-encode.ts
var NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]|[^\S ]/u;
function encodeYamlScalar(text, span, value) {
  if (span.tagged && typeof value !== typeof span.value) {
    return { warning: `cannot write ${describe(value)} over a scalar with an explicit tag of another type; value left unchanged` };
  }
  if (span.start === span.end) return { text: emptySpanText(text, span.start, inlineText("PLAIN", value)) };
  const isBlock = span.style === "BLOCK_LITERAL" || span.style === "BLOCK_FOLDED";
  if (!isBlock) return { text: inlineText(span.style, value) };
  const original = text.slice(span.start, span.end);
  const header = /^([|>])([0-9+-]*)([^\r\n]*)(\r?\n)?/.exec(original);
  const [, , indicators = "", trailer = "", lineBreak = "\n"] = header;
  const endsWithBreak = /\r?\n$/.test(original);
  if (typeof value === "string" && !/[0-9]/.test(indicators)) {
    const indent = /^( +)\S/m.exec(original.slice(header[0].length))?.[1];
    const block = indent === void 0 ? void 0 : blockLiteral(value, indent, lineBreak);
    if (block !== void 0) {
      const body = block.header === "|-" && !endsWithBreak ? block.body.slice(0, -lineBreak.length) : block.body;
      return { text: block.header + trailer + lineBreak + body };
    }
  }
  return { text: inlineText("QUOTE_DOUBLE", value) + trailer + (endsWithBreak ? lineBreak : "") };
}
function emptySpanText(text, at, scalar) {
  const before = at > 0 && !/[ \t\r\n]/.test(text[at - 1]) ? " " : "";
  const after = text[at] === "#" ? " " : "";
  return before + scalar + after;
}
function describe(value) {
  if (value === null) return "null";
  return typeof value === "bigint" ? "an integer" : typeof value === "number" ? "a float" : `a ${typeof value}`;
}
function inlineText(style, value) {
  if (value === null) return "null";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return yamlFloat(value);
  if (style === "PLAIN" && isSafePlain(value)) return value;
  if (style === "QUOTE_SINGLE" && !NON_PRINTABLE.test(value)) return `'${value.replaceAll("'", "''")}'`;
  return doubleQuoted(value);
}
function yamlFloat(x) {
  if (Number.isNaN(x)) return ".nan";
  if (!Number.isFinite(x)) return x > 0 ? ".inf" : "-.inf";
  const repr = pythonFloatRepr(x);
  return repr.includes(".") ? repr : repr.replace("e", ".0e");
}
function isSafePlain(s) {
  if (s === "" || s.trim() !== s || NON_PRINTABLE.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) || /[,[\]{}]|: |:$| #/.test(s)) return false;
  return yamlReadings(s).every((v) => v === s);
}
function doubleQuoted(s) {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0);
    if (ch === "\\" || ch === '"') out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "	") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (NON_PRINTABLE.test(ch)) {
      if (cp <= 255) out += "\\x" + hex(cp, 2);
      else if (cp <= 65535) out += "\\u" + hex(cp, 4);
      else out += "\\U" + hex(cp, 8);
    } else out += ch;
  }
  return out + '"';
}
function hex(cp, width) {
  return cp.toString(16).toUpperCase().padStart(width, "0");
}
function blockLiteral(s, indent, lineBreak) {
  const content = s.replace(/\n+$/, "");
  const finalBreaks = s.length - content.length;
  const lines = content.split("\n");
  const first = lines.find((l) => l !== "");
  if (first === void 0 || /^\s/.test(first) || lines.some((l) => NON_PRINTABLE.test(l.replaceAll("	", "")))) return void 0;
  if (lines.some((l) => l !== "" && l.trim() === "")) return void 0;
  const chomp = finalBreaks === 0 ? "-" : finalBreaks === 1 ? "" : "+";
  const body = lines.map((l) => (l === "" ? "" : indent + l) + lineBreak).join("") + lineBreak.repeat(Math.max(finalBreaks - 1, 0));
  return { header: "|" + chomp, body };
}

// src/config/yaml-config.ts
var yamlConfigFormat = {
  read(text) {
    return spansToConfig(scanYaml(text));
  },
  patch(text, values) {
    return patchScalarSpans(text, scanYaml(text), values, (span, value) => encodeYamlScalar(text, span, value));
  }
};

export {
  yamlConfigFormat
};
//# sourceMappingURL=chunk-IFQW2JJG.js.map