import {
  ConfigSyntaxError
} from "./chunk-WO4GTN6R.js";

// src/config/patch-python-config.ts
import { pythonFloatRepr, pythonStringRepr } from "@gage/types";

// src/config/_python-string.ts
var LITERAL = /^([a-zA-Z]{0,2})('''|"""|'|")/;
var VALID_PREFIX = /^(?:|[rRuU]|[bBfF]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF])$/;
var CONTROL = new RegExp("\\p{Cc}", "u");
var SURROGATE = new RegExp("\\p{Cs}", "u");
function splitPythonString(text) {
  const m = LITERAL.exec(text);
  if (!m) return void 0;
  const prefix = m[1];
  const delim = m[2];
  const start = prefix.length + delim.length;
  if (!VALID_PREFIX.test(prefix) || text.length < start + delim.length || !text.endsWith(delim)) return void 0;
  const body = text.slice(start, text.length - delim.length);
  if (trailingBackslashes(body) % 2 === 1) return void 0;
  const lower = prefix.toLowerCase();
  return {
    prefix,
    quote: delim[0],
    triple: delim.length === 3,
    body,
    raw: lower.includes("r"),
    notText: lower.includes("b") || lower.includes("f")
  };
}
function trailingBackslashes(text) {
  let n = 0;
  while (n < text.length && text[text.length - 1 - n] === "\\") n++;
  return n;
}
var SIMPLE_ESCAPES = {
  "\n": "",
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "	",
  v: "\v"
};
function decodePythonString(lit) {
  const body = lit.body.replace(/\r\n?/g, "\n");
  if (lit.raw) return { value: body };
  let out = "";
  let i = 0;
  while (i < body.length) {
    const slash = body.indexOf("\\", i);
    if (slash === -1) return { value: out + body.slice(i) };
    out += body.slice(i, slash);
    const ch = body[slash + 1];
    i = slash + 2;
    const simple = SIMPLE_ESCAPES[ch];
    if (simple !== void 0) {
      out += simple;
    } else if (ch >= "0" && ch <= "7") {
      const digits = /^[0-7]{1,3}/.exec(body.slice(slash + 1))?.[0];
      out += String.fromCodePoint(parseInt(digits, 8));
      i = slash + 1 + digits.length;
    } else if (ch === "x" || ch === "u" || ch === "U") {
      const width = ch === "x" ? 2 : ch === "u" ? 4 : 8;
      const hex = body.slice(i, i + width);
      const cp = /^[0-9a-fA-F]+$/.test(hex) && hex.length === width ? parseInt(hex, 16) : -1;
      if (cp < 0 || cp > 1114111) return { invalid: `invalid \\${ch} escape "\\${ch}${hex}"` };
      out += String.fromCodePoint(cp);
      i += width;
    } else if (ch === "N") {
      return { unsupported: "named Unicode escapes (\\N{...}) are not supported" };
    } else {
      out += "\\" + ch;
    }
  }
  return { value: out };
}
function rawCanHold(lit, value) {
  return !CONTROL.test(value) && !SURROGATE.test(value) && !value.includes(lit.quote) && trailingBackslashes(value) % 2 === 0;
}
function encodePythonString(lit, value) {
  const delim = lit.triple ? lit.quote.repeat(3) : lit.quote;
  if (lit.raw && rawCanHold(lit, value)) return lit.prefix + delim + value + delim;
  const prefix = lit.prefix.replace(/[rR]/g, "");
  let body = "";
  for (const ch of value) {
    if (ch === "\\" || ch === lit.quote) body += "\\" + ch;
    else if (ch === "\n") body += "\\n";
    else if (ch === "\r") body += "\\r";
    else if (ch === "	") body += "\\t";
    else if (CONTROL.test(ch)) body += "\\x" + ch.codePointAt(0).toString(16).padStart(2, "0");
    else if (SURROGATE.test(ch)) body += "\\u" + ch.codePointAt(0).toString(16);
    else body += ch;
  }
  return prefix + delim + body + delim;
}

// src/config/_set-config-value.ts
function setConfigValue(config, key, value) {
  if (key === "__proto__") Object.defineProperty(config, key, { value, enumerable: true, writable: true, configurable: true });
  else config[key] = value;
}

// src/config/_python-parse.ts
import { parser } from "@lezer/python";
function parsePython(text) {
  const parse = parser.startParse(text);
  let lineStart = -1;
  for (; ; ) {
    const pos = parse.parsedPos;
    if (pos !== lineStart && pos > 0 && isLineBreak(text.charCodeAt(pos - 1))) {
      lineStart = pos;
      if (parse.bigReductionCount !== void 0) parse.bigReductionCount = 0;
    }
    const tree = parse.advance();
    if (tree) return tree;
  }
}
function isLineBreak(code) {
  return code === 10 || code === 13;
}

// src/config/_python-number.ts
var DIGITS = "[0-9](?:_?[0-9])*";
var EXPONENT = `[eE][+-]?${DIGITS}`;
var POINT_FLOAT = `(?:(?:${DIGITS})?\\.${DIGITS}|${DIGITS}\\.)`;
var FLOAT = new RegExp(`^(?:${POINT_FLOAT}(?:${EXPONENT})?|${DIGITS}${EXPONENT})$`);
var DECIMAL = /^(?:[1-9](?:_?[0-9])*|0(?:_?0)*)$/;
var PREFIXED = /^0(?:[xX](?:_?[0-9a-fA-F])+|[oO](?:_?[0-7])+|[bB](?:_?[01])+)$/;
var IMAGINARY = new RegExp(`^(?:${POINT_FLOAT}(?:${EXPONENT})?|${DIGITS}${EXPONENT}|${DIGITS})[jJ]$`);
function parsePythonNumber(text) {
  if (DECIMAL.test(text) || PREFIXED.test(text)) return BigInt(text.replaceAll("_", ""));
  if (FLOAT.test(text)) return Number(text.replaceAll("_", ""));
  if (IMAGINARY.test(text)) return "imaginary";
  return "invalid";
}
function numberLiteralText(node, text) {
  if (node.name === "Number") return text.slice(node.from, node.to);
  if (node.name !== "MemberExpression") return void 0;
  const first = node.firstChild;
  const dot = first?.nextSibling;
  const last2 = dot?.nextSibling;
  if (first?.name !== "Number" || dot?.name !== "." || dot.from !== first.to || !last2 || last2.nextSibling) return void 0;
  if (!/^[0-9_]+$/.test(text.slice(first.from, first.to))) return void 0;
  if (!last2.type.isError && (last2.name !== "PropertyName" || last2.from !== dot.to)) return void 0;
  return text.slice(node.from, node.to);
}

// src/config/_python-segments.ts
var NUMBER = String.raw`(?:[0-9]|\.[0-9])(?:[0-9A-Za-z_.]|(?<=[eE])[-+])*`;
var STRING = String.raw`[rRuU]?(?:'''(?:[^'\\\r\n]|\\[^\r\n]|'(?!''))*'''|"""(?:[^"\\\r\n]|\\[^\r\n]|"(?!""))*"""|'(?:[^'\\\r\n]|\\[^\r\n])*'|"(?:[^"\\\r\n]|\\[^\r\n])*")`;
var SIMPLE_LINE = new RegExp(
  String.raw`([A-Za-z_][A-Za-z0-9_]*)([ \t]*=[ \t]*)(?:([-+])[ \t]*)?(?:(${NUMBER})|(${STRING})|(True|False|None))[ \t]*(?:#[^\r\n]*)?(?=\r|\n|$)`,
  "y"
);
var TRIVIA_LINE = /[ \t\f]*(?:#[^\r\n]*)?(?=\r|\n|$)/y;
var RESERVED = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case type _ print".split(" ")
);
function pythonSegments(text) {
  const out = [];
  let codeFrom = -1;
  let pos = 0;
  while (pos < text.length) {
    const assign = simpleAssign(text, pos);
    if (assign) {
      if (codeFrom >= 0) out.push({ kind: "code", from: codeFrom, to: pos });
      codeFrom = -1;
      out.push(assign);
      pos = nextLine(text, assign.to);
      continue;
    }
    if (codeFrom < 0) {
      TRIVIA_LINE.lastIndex = pos;
      if (TRIVIA_LINE.test(text)) {
        pos = nextLine(text, TRIVIA_LINE.lastIndex);
        continue;
      }
      codeFrom = pos;
    }
    pos = logicalLineEnd(text, pos);
  }
  if (codeFrom >= 0) out.push({ kind: "code", from: codeFrom, to: text.length });
  return out;
}
function simpleAssign(text, pos) {
  SIMPLE_LINE.lastIndex = pos;
  const m = SIMPLE_LINE.exec(text);
  if (!m || RESERVED.has(m[1])) return void 0;
  const [, name, assign, sign, number, string, constant] = m;
  const literal = number ?? string ?? constant;
  const from = pos + name.length + assign.length;
  const to = text.indexOf(literal, from) + literal.length;
  if (number !== void 0) {
    const n = parsePythonNumber(number);
    if (typeof n !== "bigint" && typeof n !== "number") return void 0;
    return { kind: "assign", name, from, to, value: sign === "-" ? -n : n };
  }
  if (sign) return void 0;
  if (constant !== void 0) return { kind: "assign", name, from, to, value: constant === "None" ? null : constant === "True" };
  const lit = splitPythonString(literal);
  const decoded = lit && !lit.notText ? decodePythonString(lit) : void 0;
  return lit && decoded && "value" in decoded ? { kind: "assign", name, from, to, value: decoded.value, string: lit } : void 0;
}
function nextLine(text, pos) {
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return text.length;
}
var LF = 10;
var CR = 13;
var HASH = 35;
var BACKSLASH = 92;
var OPEN = /* @__PURE__ */ new Set([40, 91, 123]);
var CLOSE = /* @__PURE__ */ new Set([41, 93, 125]);
var PREFIX = /^(?:[rRbBuUfF]|[bBfF][rR]|[rR][bBfF])$/;
var WORD = /[A-Za-z0-9_]/y;
function logicalLineEnd(text, pos) {
  let depth = 0;
  let i = pos;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) {
      i = nextLine(text, i);
      if (depth === 0) return i;
    } else if (c === HASH) {
      while (i < text.length && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
    } else if (c === BACKSLASH) {
      i = skipEscape(text, i);
    } else if (c === 34 || c === 39) {
      i = stringEnd(text, i);
    } else if (OPEN.has(c)) {
      depth++;
      i++;
    } else if (CLOSE.has(c)) {
      depth = Math.max(0, depth - 1);
      i++;
    } else {
      const start = i;
      while (i < text.length && (WORD.lastIndex = i, WORD.test(text))) i++;
      if (i === start) i++;
      else if (PREFIX.test(text.slice(start, i)) && (text.charCodeAt(i) === 34 || text.charCodeAt(i) === 39)) i = stringEnd(text, i);
    }
  }
  return text.length;
}
function stringEnd(text, pos) {
  const quote = text[pos];
  const triple = text.startsWith(quote.repeat(3), pos);
  const delim = triple ? quote.repeat(3) : quote;
  let i = pos + delim.length;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i = skipEscape(text, i);
    else if (text.startsWith(delim, i)) return i + delim.length;
    else if (!triple && (c === LF || c === CR)) return i;
    else i++;
  }
  return text.length;
}
function skipEscape(text, pos) {
  return text.charCodeAt(pos + 1) === CR && text.charCodeAt(pos + 2) === LF ? pos + 3 : pos + 2;
}

// src/config/_python-syntax.ts
function checkPythonSyntax(source, text, tree, offset) {
  const fail = (reason, pos) => {
    const { line, column } = lineColumn(source, pos + offset);
    throw new ConfigSyntaxError("Python", reason, line, column);
  };
  const cursor = tree.cursor();
  for (; ; ) {
    const nodeText = () => text.slice(cursor.from, cursor.to);
    let enter = true;
    if (cursor.type.isError) fail("invalid syntax", cursor.from);
    if (cursor.name === "PrintStatement") fail("missing parentheses in call to 'print'", cursor.from);
    const number = cursor.name === "Number" ? nodeText() : numberLiteralText(cursor.node, text);
    if (number !== void 0) {
      if (parsePythonNumber(number) === "invalid") fail(`invalid number literal "${number}"`, cursor.from);
      enter = false;
    }
    if (cursor.name === "String") {
      const lit = splitPythonString(nodeText());
      if (!lit) fail("unterminated string literal", cursor.from);
      const decoded = decodePythonString(lit);
      if ("invalid" in decoded) fail(decoded.invalid, cursor.from);
    }
    if (!cursor.next(enter)) break;
  }
  for (let child = tree.topNode.firstChild; child; child = child.nextSibling) {
    if (child.name === "Comment") continue;
    const lineStart = text.lastIndexOf("\n", child.from - 1) + 1;
    if (!/^\f*$/.test(text.slice(lineStart, child.from))) fail("unexpected indent", child.from);
  }
}
function lineColumn(source, pos) {
  const before = source.slice(0, pos);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: [...lines[lines.length - 1]].length + 1 };
}

// src/config/_python-value.ts
function unwrapParens(node) {
  let current = node;
  while (current.name === "ParenthesizedExpression") {
    const inner = innerNodes(current);
    if (inner.length !== 1) break;
    current = inner[0];
  }
  return current;
}
function innerNodes(node) {
  const out = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.name !== "Comment" && !/^[()[\]{},:;]$/.test(c.name)) out.push(c);
  }
  return out;
}
function evalPythonScalar(node, text) {
  const src = text.slice(node.from, node.to);
  const numberText = numberLiteralText(node, text);
  if (numberText !== void 0) {
    const n = parsePythonNumber(numberText);
    return typeof n === "string" ? void 0 : { value: n };
  }
  switch (node.name) {
    case "String": {
      const lit = splitPythonString(src);
      if (!lit || lit.notText) return void 0;
      const decoded = decodePythonString(lit);
      return "value" in decoded ? { value: decoded.value, string: lit } : void 0;
    }
    case "Boolean":
      return { value: src === "True" };
    case "None":
      return { value: null };
    case "UnaryExpression":
      return evalUnary(node, text);
    default:
      return void 0;
  }
}
function evalUnary(node, text) {
  const op = node.firstChild;
  const operandNode = node.lastChild;
  if (!op || !operandNode || op === operandNode) return void 0;
  const operand = evalPythonScalar(unwrapParens(operandNode), text)?.value;
  const n = typeof operand === "boolean" ? BigInt(operand) : operand;
  if (typeof n !== "bigint" && typeof n !== "number") return void 0;
  switch (text.slice(op.from, op.to)) {
    case "-":
      return { value: -n };
    case "+":
      return { value: n };
    case "~":
      return typeof n === "bigint" ? { value: ~n } : void 0;
    default:
      return void 0;
  }
}

// src/config/_python-literals.ts
var last;
function pythonLiterals(source) {
  if (last?.source !== source) last = { source, literals: collect(source) };
  return last.literals;
}
function collectPythonLiterals(source) {
  const literals = pythonLiterals(source);
  const values = {};
  for (const literal of literals) for (const key of literal.keys) setConfigValue(values, key, literal.value);
  return { values, literals: [...literals] };
}
function collect(source) {
  const offset = source.startsWith("\uFEFF") ? 1 : 0;
  const text = source.slice(offset);
  const assigns = literalAssigns(source, text, offset);
  const winner = /* @__PURE__ */ new Map();
  for (const assign of assigns) for (const name of assign.names) winner.set(name, assign);
  const literals = [];
  for (const assign of assigns) {
    const names = assign.names.length === 1 && winner.get(assign.names[0]) === assign ? assign.names : assign.names.filter((name) => winner.get(name) === assign);
    if (names.length === 0) continue;
    for (const leaf of assign.leaves) {
      const keys = leaf.suffix ? names.map((name) => name + leaf.suffix) : names;
      const literal = { keys, from: leaf.from + offset, to: leaf.to + offset, text: text.slice(leaf.from, leaf.to), value: leaf.value };
      if (leaf.string) literal.string = leaf.string;
      literals.push(literal);
    }
  }
  return literals;
}
function literalAssigns(source, text, offset) {
  const assigns = [];
  try {
    for (const segment of pythonSegments(text)) {
      if (segment.kind === "code") assigns.push(...parsedAssigns(source, text.slice(segment.from, segment.to), offset, segment.from));
      else {
        const { value, from, to, string } = segment;
        assigns.push({ names: [segment.name], leaves: [{ value, from, to, suffix: "", ...string ? { string } : {} }] });
      }
    }
  } catch (err) {
    if (!(err instanceof ConfigSyntaxError)) throw err;
    return parsedAssigns(source, text, offset, 0);
  }
  return assigns;
}
function parsedAssigns(source, code, offset, base) {
  const tree = parsePython(code);
  checkPythonSyntax(source, code, tree, offset + base);
  const assigns = [];
  for (const stmt of topLevelStatements(tree.topNode)) {
    const assign = literalAssign(stmt, code);
    if (!assign) continue;
    if (base) for (const leaf of assign.leaves) leaf.from += base, leaf.to += base;
    assigns.push(assign);
  }
  return assigns;
}
function* topLevelStatements(top) {
  for (let c = top.firstChild; c; c = c.nextSibling) {
    if (c.name === "StatementGroup") {
      for (let s = c.firstChild; s; s = s.nextSibling) yield s;
    } else yield c;
  }
}
function literalAssign(stmt, text) {
  if (stmt.name !== "AssignStatement") return void 0;
  const segments = [[]];
  for (let c = stmt.firstChild; c; c = c.nextSibling) {
    if (c.name === "AssignOp") segments.push([]);
    else if (c.name !== "Comment") segments[segments.length - 1].push(c);
  }
  const valueNodes = segments.pop();
  if (segments.length === 0 || valueNodes.length !== 1) return void 0;
  const names = segments.flatMap((seg) => {
    const [target, annotation] = seg;
    const plain = target?.name === "VariableName" && (seg.length === 1 || seg.length === 2 && annotation?.name === "TypeDef");
    return plain ? [text.slice(target.from, target.to)] : [];
  });
  if (names.length === 0) return void 0;
  const leaves = literalLeaves(valueNodes[0], text, "");
  return leaves && { names: [...new Set(names)], leaves };
}
function literalLeaves(node, text, suffix) {
  const value = unwrapParens(node);
  if (value.name === "ArrayExpression") return arrayLeaves(value, text, suffix);
  if (value.name === "DictionaryExpression") return dictLeaves(value, text, suffix);
  const scalar = evalPythonScalar(value, text);
  return scalar && [{ ...scalar, suffix, from: value.from, to: value.to }];
}
function arrayLeaves(node, text, suffix) {
  const leaves = [];
  let index = 0;
  let element = [];
  const flush = () => {
    if (element.length === 1) leaves.push(...literalLeaves(element[0], text, `${suffix}.${index}`) ?? []);
    element = [];
  };
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.name === ",") {
      flush();
      index++;
    } else if (c.name !== "[" && c.name !== "]" && c.name !== "Comment") element.push(c);
  }
  flush();
  return leaves;
}
function dictLeaves(node, text, suffix) {
  const leaves = /* @__PURE__ */ new Map();
  let entry = [];
  const flush = () => {
    const [keyNode, valueNode, extra] = entry.filter((c) => c.name !== ":");
    entry = [];
    if (!keyNode || !valueNode || extra || keyNode.name !== "String") return;
    const key = evalPythonScalar(keyNode, text)?.value;
    if (typeof key !== "string") return;
    leaves.set(key, literalLeaves(valueNode, text, `${suffix}.${key}`) ?? []);
  };
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.name === ",") flush();
    else if (c.name !== "{" && c.name !== "}" && c.name !== "Comment") entry.push(c);
  }
  flush();
  return [...leaves.values()].flat();
}

// src/config/patch-python-config.ts
function patchPythonConfig(source, values) {
  const edits = [];
  for (const literal of pythonLiterals(source)) {
    let last2;
    for (const key of literal.keys) if (Object.hasOwn(values, key) && !sameValue(values[key], literal.value)) last2 = key;
    if (last2 === void 0) continue;
    edits.push({ from: literal.from, to: literal.to, text: literalText(literal, values[last2]) });
  }
  edits.sort((a, b) => a.from - b.from);
  let out = "";
  let pos = 0;
  for (const edit of edits) {
    out += source.slice(pos, edit.from) + edit.text;
    pos = edit.to;
  }
  return out + source.slice(pos);
}
function sameValue(a, b) {
  return typeof a === typeof b && Object.is(a, b);
}
function literalText(literal, value) {
  if (typeof value === "string") return literal.string ? encodePythonString(literal.string, value) : pythonStringRepr(value);
  if (typeof value === "bigint") return String(value);
  if (typeof value === "number") {
    if (Number.isNaN(value)) return 'float("nan")';
    if (!Number.isFinite(value)) return value > 0 ? 'float("inf")' : 'float("-inf")';
    return pythonFloatRepr(value);
  }
  if (typeof value === "boolean") return value ? "True" : "False";
  return "None";
}

// src/config/read-python-config.ts
function readPythonConfig(source) {
  return collectPythonLiterals(source);
}

// src/config/python-config-format.ts
var pythonConfigFormat = {
  read: (text) => readPythonConfig(text).values,
  patch: (text, values) => ({ text: patchPythonConfig(text, values), warnings: [] })
};

export {
  setConfigValue,
  readPythonConfig,
  patchPythonConfig,
  pythonConfigFormat
};
//# sourceMappingURL=chunk-T2G4CAZJ.js.map