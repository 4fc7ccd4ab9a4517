import {
  jsonConfigFormat
} from "./chunk-T3DOGM7G.js";
import {
  tomlConfigFormat
} from "./chunk-BIRRYZUW.js";
import {
  yamlConfigFormat
} from "./chunk-IFQW2JJG.js";
import "./chunk-7LYES5PY.js";
import {
  patchPythonConfig,
  pythonConfigFormat,
  readPythonConfig,
  setConfigValue
} from "./chunk-T2G4CAZJ.js";
import {
  AlreadyStagedError,
  ConfigPathError,
  ConfigSyntaxError,
  ConfigWriteError,
  DependencyNotFoundError,
  DependsNotSupportedError,
  FlagAssignError,
  GagefileExtensionError,
  GagefileInvalidError,
  GagefileLoadError,
  GagefileMissingError,
  GagefileReadError,
  GagefileSyntaxError,
  MissingExecError,
  NoDefaultOperationError,
  OperationNotFoundError,
  SourcePatternError
} from "./chunk-WO4GTN6R.js";
import {
  formatPatchedDiff
} from "./chunk-HJIJ4OX4.js";

// src/gagefile/find-project-dir.ts
import { lstat } from "fs/promises";
import { dirname, join, resolve } from "path";
var PROJECT_MARKERS = [
  ".gage",
  "gage.json",
  "gage.toml",
  "gage.yaml",
  "gageconfig.json",
  "gageconfig.toml",
  "gageconfig.yaml",
  "pyproject.toml",
  ".vscode",
  ".git"
];
async function findProjectDir(cwd, options = {}) {
  const fromEnv = options.env?.PROJECT_DIR;
  if (fromEnv !== void 0 && fromEnv !== "") return fromEnv;
  const stop = options.stopDir === void 0 ? void 0 : resolve(options.stopDir);
  let dir = resolve(cwd);
  for (; ; ) {
    if (await hasMarker(dir)) return dir;
    const parent = dirname(dir);
    if (dir === stop || parent === dir) return void 0;
    dir = parent;
  }
}
async function hasMarker(dir) {
  for (const name of PROJECT_MARKERS) {
    if (await exists(join(dir, name))) return true;
  }
  return false;
}
async function exists(path) {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

// src/gagefile/project-namespace.ts
import { realpath } from "fs/promises";
import { basename, resolve as resolve2 } from "path";
async function projectNamespace(projectDir) {
  let real;
  try {
    real = await realpath(projectDir);
  } catch {
    real = resolve2(projectDir);
  }
  return basename(real);
}

// src/gagefile/find-gagefile.ts
import { stat } from "fs/promises";
import { sep } from "path";
var GAGEFILE_CANDIDATES = [
  ".gage/gage.toml",
  ".gage/gage.yaml",
  ".gage/gage.json",
  "gage.toml",
  "gage.yaml",
  "gage.json"
];
async function findGagefile(projectDir) {
  const prefix = projectDir.endsWith("/") || projectDir.endsWith(sep) ? projectDir : projectDir + sep;
  for (const candidate of GAGEFILE_CANDIDATES) {
    const path = prefix + candidate;
    try {
      if ((await stat(path)).isFile()) return path;
    } catch {
    }
  }
  return void 0;
}

// src/gagefile/load-gagefile.ts
import { readFile } from "fs/promises";
import { OpDef } from "@gage/types";

// src/gagefile/_parse-gagefile-text.ts
import { JsonSyntaxError, parseJson } from "@gage/types";

// src/gagefile/_to-json-value.ts
function toJsonValue(value) {
  if (value === null || value === void 0) return null;
  switch (typeof value) {
    case "string":
    case "boolean":
    case "number":
    case "bigint":
      return value;
    case "object":
      break;
    default:
      return String(value);
  }
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : dateText(value);
  if (value instanceof Set) return [...value].map(toJsonValue);
  const entries = value instanceof Map ? value.entries() : Object.entries(value);
  const out = {};
  for (const [k, v] of entries) out[String(k)] = toJsonValue(v);
  return out;
}
function dateText(d) {
  return d.toISOString();
}

// src/gagefile/_parse-gagefile-text.ts
function gagefileFormat(path) {
  const m = /\.([^./\\]+)$/.exec(path);
  const ext = m?.[1]?.toLowerCase();
  if (ext === "toml" || ext === "json") return ext;
  if (ext === "yaml" || ext === "yml") return "yaml";
  return void 0;
}
async function parseGagefileText(path, text) {
  switch (gagefileFormat(path)) {
    case "toml":
      return parseTomlText(path, text, await import("smol-toml"));
    case "json":
      return parseJsonText(path, text);
    case "yaml":
      return parseYamlText(path, text, await import("yaml"));
    default:
      throw new GagefileExtensionError(path);
  }
}
function dropCommentLines(text) {
  return text.split("\n").filter((line) => !/^\s*\/\//.test(line)).join("\n");
}
function parseJsonText(path, text) {
  try {
    return parseJson(dropCommentLines(text), { bigint: true });
  } catch (err) {
    if (err instanceof JsonSyntaxError) throw new GagefileSyntaxError(path, err.message, err.line, err.column, err);
    throw err;
  }
}
function parseTomlText(path, text, { parse, TomlError }) {
  try {
    return toJsonValue(parse(text, { integersAsBigInt: true }));
  } catch (err) {
    if (!(err instanceof TomlError)) throw err;
    const first = firstLine(err.message);
    throw new GagefileSyntaxError(path, `${first} at line ${err.line}, column ${err.column}`, err.line, err.column, err);
  }
}
function parseYamlText(path, text, { parse, YAMLError }) {
  try {
    return toJsonValue(parse(text, { version: "1.1", intAsBigInt: true, uniqueKeys: false }));
  } catch (err) {
    if (!(err instanceof YAMLError)) throw err;
    const pos = err.linePos?.[0];
    let message = firstLine(err.message);
    if (pos && !/ at line \d+, column \d+/.test(message)) message += ` at line ${pos.line}, column ${pos.col}`;
    throw new GagefileSyntaxError(path, message, pos?.line, pos?.col, err);
  }
}
function firstLine(message) {
  return (message.split("\n")[0] ?? "").replace(/:$/, "");
}

// src/gagefile/_evaluate-schema.ts
import { pythonStringRepr as pythonStringRepr2 } from "@gage/types";

// src/gagefile/_python-list-repr.ts
import { pythonStringRepr } from "@gage/types";
function pythonListRepr(items) {
  return `[${items.map((x) => typeof x === "string" ? pythonStringRepr(x) : String(x)).join(", ")}]`;
}

// src/gagefile/_evaluate-schema.ts
var PASS = { valid: true, messages: [] };
function evaluateSchema(schema, instance, root) {
  return evaluate(schema, instance, root).messages;
}
function evaluate(schema, instance, root) {
  const keys = Object.keys(schema);
  const ordered = [...keys.filter((k) => k !== "additionalProperties"), ...keys.filter((k) => k === "additionalProperties")];
  const out = { valid: true, messages: [] };
  for (const keyword of ordered) {
    const r = evaluateKeyword(keyword, schema, instance, root);
    if (!r.valid) {
      out.valid = false;
      out.messages.push(...r.messages);
    }
  }
  return out;
}
function fail(message, children = []) {
  return { valid: false, messages: [message, ...children.flatMap((c) => c.messages)] };
}
function evaluateKeyword(keyword, schema, instance, root) {
  const value = schema[keyword];
  switch (keyword) {
    case "$ref":
      return evaluate(resolveRef(value, root), instance, root);
    case "type":
      return hasType(instance, value) ? PASS : fail(`The instance must be of type "${value}"`);
    case "properties":
    case "patternProperties":
    case "additionalProperties":
      return isObject(instance) ? evaluateObjectKeyword(keyword, schema, instance, root) : PASS;
    case "required": {
      if (!isObject(instance)) return PASS;
      const missing = value.filter((k) => !Object.hasOwn(instance, k));
      return missing.length === 0 ? PASS : fail(`The object is missing required properties ${pythonListRepr(missing)}`);
    }
    case "items": {
      if (!Array.isArray(instance)) return PASS;
      const results = instance.map((item) => evaluate(value, item, root));
      const bad = results.flatMap((r, i) => r.valid ? [] : [i]);
      return bad.length === 0 ? PASS : fail(`Items: ${pythonListRepr(bad)}`, results.filter((r) => !r.valid));
    }
    case "minLength":
      return typeof instance !== "string" || [...instance].length >= value ? PASS : fail(`The text is too short (minimum ${value} characters)`);
    case "minItems":
      return !Array.isArray(instance) || instance.length >= value ? PASS : fail(`The array has too few elements (minimum ${value})`);
    case "pattern":
      return typeof instance !== "string" || new RegExp(value, "u").test(instance) ? PASS : fail(`The text must match the regular expression ${JSON.stringify(value)}`);
    case "enum": {
      const options = value;
      return options.some((o) => o === instance) ? PASS : fail(`Value must be one of: ${enumRepr(options)}`);
    }
    case "oneOf": {
      const results = value.map((s) => evaluate(s, instance, root));
      const valid = results.flatMap((r, i) => r.valid ? [i] : []);
      const invalid = results.flatMap((r, i) => r.valid ? [] : [i]);
      if (valid.length === 1) return PASS;
      return fail(
        `The instance must be valid against exactly one subschema; it is valid against ${pythonListRepr(valid)} and invalid against ${pythonListRepr(invalid)}`,
        results.filter((r) => !r.valid)
      );
    }
    default:
      return PASS;
  }
}
function evaluateObjectKeyword(keyword, schema, instance, root) {
  const properties = schema["properties"] ?? {};
  const patterns = Object.entries(schema["patternProperties"] ?? {}).map(
    ([p, s]) => [new RegExp(p, "u"), s]
  );
  const names = Object.keys(instance);
  if (keyword === "additionalProperties") {
    if (schema[keyword] !== false) return PASS;
    const extra = names.filter((n) => !Object.hasOwn(properties, n) && !patterns.some(([re]) => re.test(n)));
    return extra.length === 0 ? PASS : fail(`Additional properties: ${pythonListRepr(extra)}`);
  }
  const bad = [];
  const children = [];
  for (const name of names) {
    const schemas = keyword === "properties" ? Object.hasOwn(properties, name) ? [properties[name]] : [] : patterns.filter(([re]) => re.test(name)).map(([, s]) => s);
    const results = schemas.map((s) => evaluate(s, instance[name], root)).filter((r) => !r.valid);
    if (results.length > 0) {
      bad.push(name);
      children.push(...results);
    }
  }
  return bad.length === 0 ? PASS : fail(`Properties ${pythonListRepr(bad)} are invalid`, children);
}
function resolveRef(ref, root) {
  if (!ref.startsWith("#")) throw new RangeError(`Unsupported $ref: ${ref}`);
  let node = root;
  for (const part of ref.slice(1).split("/").filter((p) => p !== "")) {
    node = node[part.replaceAll("~1", "/").replaceAll("~0", "~")];
    if (node === void 0) throw new RangeError(`Unresolved $ref: ${ref}`);
  }
  return node;
}
function isObject(x) {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
function hasType(x, type) {
  switch (type) {
    case "object":
      return isObject(x);
    case "array":
      return Array.isArray(x);
    case "string":
      return typeof x === "string";
    case "number":
      return typeof x === "number" || typeof x === "bigint";
    case "integer":
      return typeof x === "bigint" || typeof x === "number" && Number.isInteger(x);
    case "boolean":
      return typeof x === "boolean";
    case "null":
      return x === null;
    default:
      throw new RangeError(`Unsupported type: ${type}`);
  }
}
function enumRepr(options) {
  const items = options.map(
    (o) => typeof o === "string" ? pythonStringRepr2(o) : o === null ? "None" : o === true ? "True" : o === false ? "False" : String(o)
  );
  return `[${items.join(", ")}]`;
}

// src/gagefile/gagefile-schema.ts
var gagefileSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://gage.org/gagefile",
  title: "Gage File",
  $defs: {
    "shell-cmd": { title: "Shell command", type: "string" },
    "cmd-args": {
      title: "Command arguments",
      type: "array",
      items: { title: "Command argument", type: "string", minLength: 1 }
    },
    "exec-cmd": { oneOf: [{ $ref: "#/$defs/shell-cmd" }, { $ref: "#/$defs/cmd-args" }] },
    "exec-phases": {
      title: "Exec commands per phase",
      type: "object",
      additionalProperties: false,
      properties: {
        "stage-sourcecode": { $ref: "#/$defs/exec-cmd" },
        "stage-runtime": { $ref: "#/$defs/exec-cmd" },
        "stage-dependencies": { $ref: "#/$defs/exec-cmd" },
        run: { $ref: "#/$defs/exec-cmd" },
        finalize: { $ref: "#/$defs/exec-cmd" },
        "finalize-run": { $ref: "#/$defs/exec-cmd" }
      }
    },
    "progress-phases": {
      title: "Progress parser per phase",
      type: "object",
      additionalProperties: false,
      properties: {
        "stage-sourcecode": { type: "string" },
        "stage-runtime": { type: "string" },
        "stage-dependencies": { type: "string" },
        run: { type: "string" },
        finalize: { type: "string" },
        "finalize-run": { type: "string" }
      }
    },
    "files-pattern": {
      title: "Files pattern",
      oneOf: [
        { type: "string", minLength: 1 },
        { type: "array", items: { type: "string", minLength: 1 } }
      ]
    },
    "keys-pattern": {
      title: "Keys pattern",
      oneOf: [
        { type: "string", minLength: 1 },
        { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 }
      ]
    },
    config: {
      title: "Run configuration",
      type: "object",
      additionalProperties: false,
      required: ["keys"],
      properties: {
        keys: { $ref: "#/$defs/keys-pattern" },
        description: { type: "string" },
        prefix: { type: "string" },
        "strip-prefix": { type: "string" },
        rename: { type: "string" }
      }
    },
    dependency: {
      title: "Dependency",
      type: "object",
      oneOf: [
        {
          title: "Project files dependency",
          type: "object",
          additionalProperties: false,
          required: ["files"],
          properties: {
            type: { type: "string", enum: ["project-files"] },
            description: { type: "string" },
            files: { $ref: "#/$defs/files-pattern" },
            link: { type: "boolean" }
          }
        },
        {
          title: "Run files dependency",
          type: "object",
          additionalProperties: false,
          required: ["run-select"],
          properties: {
            type: { type: "string", enum: ["run-files"] },
            description: { type: "string" },
            "run-select": { type: "string" },
            files: { $ref: "#/$defs/files-pattern" }
          }
        },
        {
          title: "Runs summary dependency",
          type: "object",
          additionalProperties: false,
          required: ["type", "runs-select"],
          properties: {
            type: { type: "string", enum: ["runs-summary"] },
            description: { type: "string" },
            "runs-select": { type: "string" },
            "summary-filename": { type: "string" }
          }
        }
      ]
    },
    opdef: {
      title: "Operation definition",
      type: "object",
      additionalProperties: false,
      properties: {
        description: { type: "string" },
        default: { type: "boolean" },
        version: {
          oneOf: [{ type: "string", minLength: 1, pattern: "^[^\\s]*$" }, { type: "number" }, { type: "null" }]
        },
        exec: {
          oneOf: [{ $ref: "#/$defs/shell-cmd" }, { $ref: "#/$defs/cmd-args" }, { $ref: "#/$defs/exec-phases" }]
        },
        progress: { oneOf: [{ type: "string" }, { $ref: "#/$defs/progress-phases" }] },
        sourcecode: { oneOf: [{ $ref: "#/$defs/files-pattern" }, { type: "boolean" }] },
        config: {
          oneOf: [
            { $ref: "#/$defs/keys-pattern" },
            { $ref: "#/$defs/config" },
            { type: "array", items: { $ref: "#/$defs/config" } }
          ]
        },
        depends: {
          oneOf: [{ $ref: "#/$defs/dependency" }, { type: "array", items: { $ref: "#/$defs/dependency" } }]
        },
        "output-summary": { oneOf: [{ type: "boolean" }, { type: "string" }] },
        listing: {
          type: "object",
          additionalProperties: false,
          properties: { description: { type: "array", items: { type: "string", minLength: 1 } } }
        },
        summary: { type: "object", properties: { filename: { type: "string" } } }
      }
    }
  },
  type: "object",
  additionalProperties: false,
  properties: {
    "$runs-dir": { title: "Runs directory, relative to the project dir", type: "string" },
    "$archives-dir": { title: "Archives directory, relative to the project dir", type: "string" }
  },
  patternProperties: {
    "^[^$\\s]\\S*$": { $ref: "#/$defs/opdef" }
  }
};

// src/gagefile/validate-gagefile.ts
var loadSchema = (() => {
  const { additionalProperties: _dropped, ...opdef } = gagefileSchema.$defs.opdef;
  return { ...gagefileSchema, $defs: { ...gagefileSchema.$defs, opdef } };
})();
function validateGagefile(data, options = {}) {
  const schema = options.allowUnknownOpdefKeys ? loadSchema : gagefileSchema;
  return evaluateSchema(schema, data, schema);
}

// src/gagefile/load-gagefile.ts
async function loadGagefile(path) {
  if (gagefileFormat(path) === void 0) throw new GagefileExtensionError(path);
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    if (err.code === "ENOENT") throw new GagefileMissingError(path);
    throw new GagefileReadError(path, err);
  }
  const data = await parseGagefileText(path, text);
  const problems = validateGagefile(data, { allowUnknownOpdefKeys: true });
  if (problems.length > 0) throw new GagefileInvalidError(path, problems);
  const obj = data;
  const operations = Object.keys(obj).filter((name) => !name.startsWith("$")).map((name) => OpDef(name, obj[name], path));
  const settings = {};
  if (typeof obj["$runs-dir"] === "string") settings.runsDir = obj["$runs-dir"];
  if (typeof obj["$archives-dir"] === "string") settings.archivesDir = obj["$archives-dir"];
  return { path, data: obj, operations, settings };
}

// src/gagefile/opdef-exec.ts
var PHASE_KEYS = [
  ["stage-sourcecode", "stage-sourcecode"],
  ["stage-runtime", "stage-runtime"],
  ["stage-dependencies", "stage-dependencies"],
  ["run", "run"],
  ["finalize", "finalize"],
  ["finalize", "finalize-run"]
  // the Dec 2023 name; wins when both are given
];
function opdefExec(opdef) {
  const exec = opdef.data["exec"];
  if (typeof exec === "string" || Array.isArray(exec)) return { run: commandOf(exec) };
  const out = {};
  if (exec === null || typeof exec !== "object") return out;
  for (const [phase, key] of PHASE_KEYS) {
    const cmd = commandOf(exec[key]);
    if (cmd !== void 0) out[phase] = cmd;
  }
  return out;
}
function commandOf(value) {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(String);
  return void 0;
}

// src/gagefile/opdef-version.ts
import { pythonFloatRepr } from "@gage/types";
function opdefVersion(opdef) {
  const version = opdef.data["version"];
  if (version === void 0 || version === null) return null;
  if (typeof version === "number") return pythonFloatRepr(version);
  if (typeof version === "string" || typeof version === "bigint" || typeof version === "boolean") {
    return typeof version === "boolean" ? version ? "True" : "False" : String(version);
  }
  return JSON.stringify(version);
}

// src/gagefile/opdef-default.ts
function opdefDefault(opdef) {
  return truthy(opdef.data["default"]);
}
function truthy(value) {
  if (value === void 0 || value === null) return false;
  if (typeof value === "bigint") return value !== 0n;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "string") return value !== "";
  if (typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.length > 0;
  return Object.keys(value).length > 0;
}

// src/gagefile/opdef-description.ts
function opdefDescription(opdef) {
  const description = opdef.data["description"];
  return typeof description === "string" ? description : "";
}

// src/gagefile/opdef-sourcecode.ts
function opdefSourcecode(opdef) {
  const value = opdef.data["sourcecode"];
  if (value === void 0 || value === null) return void 0;
  if (typeof value === "boolean") return value;
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.map(String);
  return void 0;
}

// src/gagefile/opdef-progress.ts
import { EXEC_PHASES } from "@gage/types";
function opdefProgress(opdef) {
  const progress = opdef.data["progress"];
  if (typeof progress === "string") return { run: progress };
  const out = {};
  if (progress === null || typeof progress !== "object" || Array.isArray(progress)) return out;
  for (const phase of EXEC_PHASES) {
    const value = phase === "finalize" ? progress["finalize-run"] ?? progress[phase] : progress[phase];
    if (typeof value === "string") out[phase] = value;
  }
  return out;
}

// src/gagefile/opdef-config.ts
function opdefConfig(opdef) {
  const config = opdef.data["config"];
  if (config === void 0 || config === null) return [];
  if (typeof config === "string") return [{ keys: config }];
  if (Array.isArray(config)) {
    if (config.length > 0 && config.every((x) => typeof x === "string")) return [{ keys: config }];
    return config.flatMap((x) => {
      if (typeof x === "string") return [{ keys: x }];
      return x !== null && typeof x === "object" && !Array.isArray(x) ? [x] : [];
    });
  }
  return typeof config === "object" ? [config] : [];
}
function configKeys(config) {
  const keys = config.keys;
  if (typeof keys === "string") return [keys];
  if (Array.isArray(keys)) return keys.filter((k) => typeof k === "string");
  return [];
}

// src/gagefile/opdef-depends.ts
function opdefDepends(opdef) {
  const depends = opdef.data["depends"];
  if (depends === void 0 || depends === null) return [];
  if (Array.isArray(depends)) return depends.filter(isObject2);
  return isObject2(depends) ? [depends] : [];
}
function dependencyType(dependency) {
  const type = dependency["type"];
  if (typeof type === "string" && type !== "") return type;
  if (dependency["run-select"] !== void 0) return "run-files";
  if (dependency["files"] !== void 0) return "project-files";
  return "";
}
function checkDependsSupported(opdef) {
  for (const dependency of opdefDepends(opdef)) {
    const type = dependencyType(dependency);
    if (type !== "project-files") throw new DependsNotSupportedError(opdef.name, type || "untyped");
  }
}
function isObject2(x) {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

// src/gagefile/resolve-operation.ts
import { compareCodePoints } from "@gage/types";
function resolveOperation(gagefile, spec) {
  const sorted = [...gagefile.operations].sort((a, b) => compareCodePoints(a.name, b.name));
  if (spec !== void 0) {
    const found2 = sorted.find((op) => op.name === spec);
    if (found2 === void 0) throw new OperationNotFoundError(spec, sorted);
    return found2;
  }
  if (sorted.length === 1) return sorted[0];
  const found = sorted.find(opdefDefault);
  if (found === void 0) throw new NoDefaultOperationError(sorted);
  return found;
}

// src/gagefile/op-ref-for.ts
import { OpRef } from "@gage/types";
async function opRefFor(projectDir, opdef) {
  return OpRef(await projectNamespace(projectDir), opdef.name, opdefVersion(opdef) ?? void 0);
}

// src/gagefile/op-run-command.ts
import { resolve as resolve3 } from "path";
import { OpCmd } from "@gage/types";
function opRunCommand(opdef, projectDir) {
  const run = opdefExec(opdef).run;
  if (run === void 0 || run === "" || Array.isArray(run) && run.length === 0) {
    throw new MissingExecError(opdef.name, opdef.gagefile);
  }
  const dir = resolve3(projectDir);
  const replace = (s) => s.replaceAll("$project_dir", dir);
  return OpCmd(typeof run === "string" ? replace(run) : run.map(replace), {});
}

// src/sourcecode/glob-reg-exp.ts
function globRegExp(glob) {
  let src = "";
  let i = 0;
  while (i < glob.length) {
    if (glob.startsWith("**", i)) {
      src += "(?:.+/)*";
      i += glob.startsWith("**/", i) ? 3 : 2;
      continue;
    }
    const c = glob[i];
    src += c === "*" ? "[^/]*" : c === "?" ? "[^/]?" : c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    i += 1;
  }
  return new RegExp(`^${src}$`, "su");
}

// src/sourcecode/parse-source-pattern.ts
import { split } from "shlex";
function parseSourcePattern(pattern) {
  let rest = pattern;
  let exclude = false;
  if (pattern.startsWith("\\-")) rest = pattern.slice(1);
  else if (pattern.startsWith("-")) {
    exclude = true;
    rest = pattern.slice(1).replace(/^ +/, "");
  }
  let words;
  try {
    words = split(rest);
  } catch (err) {
    throw new SourcePatternError(pattern, err.message);
  }
  const glob = words[0];
  if (glob === void 0) throw new SourcePatternError(pattern, "no file glob");
  const parsed = {
    pattern,
    exclude,
    glob,
    regex: globRegExp(glob),
    type: void 0,
    sizeLt: void 0,
    sizeGt: void 0,
    sentinel: void 0,
    maxMatches: void 0
  };
  const types = /* @__PURE__ */ new Set();
  for (const word of words.slice(1)) {
    let m;
    if (word === "dir" || word === "text" || word === "binary") types.add(word);
    else if (m = /^size<(\d+)$/.exec(word)) parsed.sizeLt = Number(m[1]);
    else if (m = /^size>(\d+)$/.exec(word)) parsed.sizeGt = Number(m[1]);
    else if (word.startsWith("sentinel=")) parsed.sentinel ??= word.slice("sentinel=".length);
    else if (m = /^max-matches=(\d+)$/.exec(word)) parsed.maxMatches ??= Number(m[1]);
  }
  parsed.type = types.has("dir") ? "dir" : types.has("text") ? "text" : types.has("binary") ? "binary" : void 0;
  return parsed;
}

// src/sourcecode/is-text-file.ts
import { closeSync, openSync, readSync, statSync } from "fs";
import { open, stat as stat2 } from "fs/promises";
import { basename as basename2 } from "path";
var TEXT_EXTENSIONS = /* @__PURE__ */ new Set([
  ".csv",
  ".html",
  ".json",
  ".jsx",
  ".md",
  ".py",
  ".r",
  ".sh",
  ".ts",
  ".yaml",
  ".yml",
  ".tsx",
  ".txt",
  ".js"
]);
var BINARY_EXTENSIONS = new Set(
  ".ai .bmp .gif .ico .jpeg .jpg .png .ps .psd .svg .tif .tiff .aif .mid .midi .mpa .mp3 .ogg .wav .wma .avi .mov .mp4 .mpeg .swf .wmv .7z .deb .gz .pkg .rar .rpm .tar .xz .z .zip .doc .docx .key .pdf .ppt .pptx .xlr .xls .xlsx .bin .pickle .pkl .pyc".split(" ")
);
var SAMPLE_SIZE = 1024;
async function isTextFile(path) {
  if (!(await stat2(path)).isFile()) return false;
  const ext = extensionOf(path);
  if (TEXT_EXTENSIONS.has(ext)) return true;
  if (BINARY_EXTENSIONS.has(ext)) return false;
  return isTextSample(await readSample(path));
}
function isTextFileSync(path, stats = statSync(path)) {
  if (!stats.isFile()) return false;
  const ext = extensionOf(path);
  if (TEXT_EXTENSIONS.has(ext)) return true;
  if (BINARY_EXTENSIONS.has(ext)) return false;
  return isTextSample(readSampleSync(path));
}
function extensionOf(path) {
  const name = basename2(path);
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? "" : name.slice(dot).toLowerCase();
}
async function readSample(path) {
  const handle = await open(path, "r");
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
function readSampleSync(path) {
  const fd = openSync(path, "r");
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
function isTextSample(sample) {
  if (sample.length === 0) return true;
  let nonText = 0;
  let ascii = 0;
  let zeroOrFF = false;
  for (const b of sample) {
    if (!(b === 8 || b === 9 || b === 10 || b === 12 || b === 13 || b >= 32 && b <= 126)) nonText++;
    if (b < 127) ascii++;
    if (b === 0 || b === 255) zeroOrFF = true;
  }
  const r1 = nonText / sample.length;
  const r2 = ascii / sample.length;
  const likelyBinary = r1 > 0.3 && r2 < 0.05 || r1 > 0.8 && r2 > 0.8;
  const canDecode = decodable(sample);
  if (likelyBinary) return canDecode;
  if (canDecode) return true;
  return !zeroOrFF;
}
function decodable(sample) {
  const [a, b, c, d] = sample;
  if (a === 255 && b === 254 || a === 254 && b === 255) return true;
  if (a === 0 && b === 0 && c === 254 && d === 255) return true;
  if (!sample.some((x) => x >= 128)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: sample.length === SAMPLE_SIZE });
    return true;
  } catch {
    return false;
  }
}

// src/sourcecode/sourcecode-patterns.ts
var DEFAULT_SOURCECODE_PATTERNS = [
  "**/* text size<100000 max-matches=500",
  "-**/.* dir",
  "-**/* dir sentinel=bin/activate",
  "-**/* dir sentinel=.nocopy",
  "-summary.json"
];
function sourcecodePatterns(opdef) {
  const value = opdefSourcecode(opdef);
  if (value === void 0 || value === true) return [...DEFAULT_SOURCECODE_PATTERNS];
  if (value === false || value.length === 0) return [];
  if (value.some((p) => !p.startsWith("-"))) return [...value];
  return [...DEFAULT_SOURCECODE_PATTERNS, ...value];
}

// src/sourcecode/plan-sourcecode.ts
import { resolve as resolve5 } from "path";

// src/sourcecode/_select-files.ts
import { readdirSync, realpathSync, statSync as statSync2 } from "fs";
import { join as join3, resolve as resolve4, sep as sep2 } from "path";
import { compareCodePoints as compareCodePoints2 } from "@gage/types";

// src/sourcecode/_sentinel-matches.ts
import { lstat as lstat2, readdir, stat as stat3 } from "fs/promises";
import { join as join2 } from "path";
async function sentinelMatches(dir, pattern) {
  if (!/[*?]/.test(pattern)) return exists2(join2(dir, pattern));
  if (pattern.includes("**")) return walkMatches(dir, "", globRegExp(pattern));
  return segmentsMatch(dir, pattern.split("/").map(globRegExp), 0);
}
async function exists2(path) {
  try {
    await lstat2(path);
    return true;
  } catch {
    return false;
  }
}
async function list(dir) {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}
async function isDir(path) {
  try {
    return (await stat3(path)).isDirectory();
  } catch {
    return false;
  }
}
async function segmentsMatch(dir, segments, i) {
  const re = segments[i];
  const last = i === segments.length - 1;
  for (const name of await list(dir)) {
    if (!re.test(name)) continue;
    if (last) return true;
    const path = join2(dir, name);
    if (await isDir(path) && await segmentsMatch(path, segments, i + 1)) return true;
  }
  return false;
}
async function walkMatches(dir, rel, re) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const entry of entries) {
    const path = rel === "" ? entry.name : `${rel}/${entry.name}`;
    if (re.test(path)) return true;
    if (entry.isDirectory() && await walkMatches(join2(dir, entry.name), path, re)) return true;
  }
  return false;
}

// src/sourcecode/_select-files.ts
async function selectFiles(rootDir, patterns, options = {}) {
  const s = new Selection(patterns, options);
  const fileRules = patterns.filter((p) => p.type !== "dir");
  if (fileRules.length === 0) return { paths: [], skipped: [], warnings: [] };
  const root = resolve4(rootDir);
  s.realRoot = realpathSync.native(root);
  s.realRuns = options.runsDir === void 0 ? void 0 : realOrResolved(options.runsDir);
  await s.walk(root, "", s.realRoot, /* @__PURE__ */ new Set([s.realRoot]));
  s.paths.sort(compareCodePoints2);
  return { paths: s.paths, skipped: s.skipped, warnings: s.warnings };
}
var Selection = class {
  fileRules;
  dirRules;
  counts = /* @__PURE__ */ new Map();
  limitWarned = /* @__PURE__ */ new Set();
  paths = [];
  skipped = [];
  warnings = [];
  realRoot = "";
  realRuns;
  options;
  constructor(patterns, options) {
    this.options = options;
    this.fileRules = patterns.filter((p) => p.type !== "dir");
    this.dirRules = patterns.filter((p) => p.type === "dir");
  }
  async walk(absDir, relDir, realDir, ancestors) {
    let entries;
    try {
      entries = readdirSync(absDir, { withFileTypes: true }).sort((a, b) => compareCodePoints2(a.name, b.name));
    } catch (err) {
      if (relDir === "") throw err;
      this.skip(relDir, "unreadable", `Cannot read directory "${relDir}": ${err.message}`);
      return;
    }
    const dirs = [];
    const files = [];
    for (const entry of entries) {
      const rel = relDir === "" ? entry.name : `${relDir}/${entry.name}`;
      const abs = join3(absDir, entry.name);
      if (entry.isDirectory()) dirs.push({ name: entry.name, rel, abs, real: join3(realDir, entry.name) });
      else if (entry.isFile()) files.push({ name: entry.name, rel, abs, real: "" });
      else if (entry.isSymbolicLink()) await this.addLink(entry.name, rel, abs, dirs, files);
    }
    const keep = [];
    for (const dir of dirs) if (await this.admitDir(dir, relDir, ancestors)) keep.push(dir);
    for (const file of files) if (this.selectFile(file)) this.paths.push(file.rel);
    for (const dir of keep) await this.walk(dir.abs, dir.rel, dir.real, /* @__PURE__ */ new Set([...ancestors, dir.real]));
  }
  async addLink(name, rel, abs, dirs, files) {
    let st;
    let real;
    try {
      st = statSync2(abs);
      real = realpathSync.native(abs);
    } catch {
      if (this.fileRules.some((r) => !r.exclude && r.regex.test(rel))) {
        this.skip(rel, "broken-symlink", `Skipped "${rel}": broken symbolic link`);
      }
      return;
    }
    const entry = { name, rel, abs, real, size: st.size };
    if (real !== this.realRoot && !real.startsWith(this.realRoot + sep2)) {
      const wanted = st.isDirectory() ? !await this.dirExcluded(entry) : this.fileRules.some((r) => !r.exclude && r.regex.test(rel));
      if (wanted) this.skip(rel, "outside-project", `Skipped "${rel}": symbolic link to "${real}" outside the project`);
      return;
    }
    if (st.isDirectory()) dirs.push(entry);
    else if (st.isFile()) files.push(entry);
  }
  async admitDir(dir, relDir, ancestors) {
    if (this.realRuns !== void 0 && dir.real === this.realRuns) {
      this.skipped.push({ path: dir.rel, reason: "runs-dir" });
      return false;
    }
    if (relDir === "" && this.options.pruneTopDirs?.has(dir.name)) return false;
    if (await this.dirExcluded(dir)) return false;
    if (ancestors.has(dir.real)) {
      this.skip(dir.rel, "symlink-cycle", `Skipped "${dir.rel}": symbolic link cycle`);
      return false;
    }
    return true;
  }
  /** The last matching dir rule decides; an exclude prunes. */
  async dirExcluded(dir) {
    for (let i = this.dirRules.length - 1; i >= 0; i--) {
      const rule = this.dirRules[i];
      if (!rule.regex.test(dir.rel)) continue;
      if (rule.sentinel !== void 0 && !await sentinelMatches(dir.abs, rule.sentinel)) continue;
      return rule.exclude;
    }
    return false;
  }
  /** The last matching file rule decides (stage.md 4.2); every match counts. */
  selectFile(file) {
    const test = new FileTest(file, this.warnings);
    let selected = false;
    let limited;
    for (const rule of this.fileRules) {
      const used = this.counts.get(rule) ?? 0;
      const exhausted = rule.maxMatches !== void 0 && used >= rule.maxMatches;
      if (!rule.regex.test(file.rel)) continue;
      if (exhausted && (rule.exclude || this.limitWarned.has(rule))) continue;
      if (!test.passes(rule)) continue;
      if (exhausted) {
        limited = rule;
        continue;
      }
      this.counts.set(rule, used + 1);
      selected = !rule.exclude;
    }
    if (!selected && limited !== void 0) {
      this.limitWarned.add(limited);
      this.skip(
        file.rel,
        "max-matches",
        `Pattern "${limited.pattern}" reached max-matches=${String(limited.maxMatches)}: "${file.rel}" and later matches are not selected by it`
      );
    }
    return selected;
  }
  skip(path, reason, warning) {
    this.skipped.push({ path, reason });
    this.warnings.push(warning);
  }
};
var FileTest = class {
  text;
  stats;
  statError;
  file;
  warnings;
  constructor(file, warnings) {
    this.file = file;
    this.warnings = warnings;
  }
  passes(rule) {
    if (rule.type === "text" && !this.isText()) return false;
    if (rule.type === "binary" && this.isText()) return false;
    if (rule.sizeLt === void 0 && rule.sizeGt === void 0) return true;
    const size = this.size();
    if (size === void 0) return true;
    return rule.sizeGt !== void 0 && size > rule.sizeGt || rule.sizeLt !== void 0 && size < rule.sizeLt;
  }
  isText() {
    if (this.text === void 0) {
      try {
        this.text = isTextFileSync(this.file.abs, this.stat());
      } catch (err) {
        this.warnings.push(`Cannot read "${this.file.rel}": ${err.message}`);
        this.text = false;
      }
    }
    return this.text;
  }
  /** The size; `undefined` when the file is gone or unreadable (no size test applies; the copy reports it). */
  size() {
    if (this.file.size !== void 0) return this.file.size;
    try {
      return this.stat().size;
    } catch {
      return void 0;
    }
  }
  stat() {
    if (this.statError !== void 0) throw this.statError;
    try {
      this.stats ??= statSync2(this.file.abs);
      return this.stats;
    } catch (err) {
      this.statError = err;
      throw err;
    }
  }
};
function realOrResolved(path) {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve4(path);
  }
}

// src/sourcecode/plan-sourcecode.ts
async function planSourcecode(projectDir, patterns, options = {}) {
  const srcDir = resolve5(projectDir);
  const parsed = patterns.map(parseSourcePattern);
  const { paths, skipped, warnings } = await selectFiles(srcDir, parsed, { runsDir: options.runsDir });
  return { srcDir, patterns: [...patterns], paths, skipped, warnings };
}

// src/sourcecode/copy-sourcecode.ts
import { constants, copyFileSync, mkdirSync } from "fs";
import { dirname as dirname2, join as join4 } from "path";
async function copySourcecode(plan, runDir, options = {}) {
  const copied = [];
  const made = /* @__PURE__ */ new Set();
  for (const path of plan.paths) {
    const src = join4(plan.srcDir, path);
    const dst = join4(runDir, path);
    const dir = dirname2(dst);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    try {
      copyFile(src, dst);
    } catch (err) {
      if (err.code !== "ENOENT") throw err;
      options.onWarning?.(`Cannot copy "${path}": file no longer exists`);
      continue;
    }
    copied.push(path);
  }
  return copied;
}
function copyFile(src, dst) {
  try {
    copyFileSync(src, dst, constants.COPYFILE_EXCL);
  } catch (err) {
    if (err.code !== "EEXIST") throw err;
    copyFileSync(src, dst);
  }
}

// src/sourcecode/select-config-files.ts
import { readdir as readdir2, stat as stat4 } from "fs/promises";
import { join as join5, resolve as resolve6 } from "path";
async function selectConfigFiles(rootDir, filePatterns2, options = {}) {
  const patterns = filePatterns2.map(parseSourcePattern);
  const pruneTopDirs = await topDirsToPrune(resolve6(rootDir), patterns);
  const { paths } = await selectFiles(rootDir, patterns, { runsDir: options.runsDir, pruneTopDirs });
  return paths;
}
async function topDirsToPrune(root, patterns) {
  const includes = patterns.filter((p) => !p.exclude && p.type !== "dir");
  const wildcard = includes.some((p) => {
    const first = p.glob.split("/")[0] ?? "";
    return (p.glob.includes("/") || p.glob.includes("**")) && /[*?]/.test(first);
  });
  const prune = /* @__PURE__ */ new Set();
  for (const entry of await readdir2(root, { withFileTypes: true })) {
    const isDir2 = entry.isDirectory() || entry.isSymbolicLink() && await stat4(join5(root, entry.name)).then((s) => s.isDirectory(), () => false);
    if (!isDir2) continue;
    if (includes.some((p) => p.glob.startsWith(`${entry.name}/`))) continue;
    if (wildcard && !entry.name.startsWith(".")) continue;
    prune.add(entry.name);
  }
  return prune;
}

// src/config/_flag-syntax.ts
import { pythonStringRepr as pythonStringRepr3 } from "@gage/types";
var PY_SPACE = "[\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
var STRIP = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, "gu");
var BLANK = new RegExp(`^${PY_SPACE}*$`, "u");
var LEADING_SPACE = new RegExp(`^${PY_SPACE}*`, "u");
var KEY_RUN = /^[\p{L}\p{N}_.][\p{L}\p{N}_.-]*/u;
function pyStrip(text) {
  return text.replace(STRIP, "");
}
function isBlank(text) {
  return BLANK.test(text);
}
function leadingSpace(text) {
  return LEADING_SPACE.exec(text)[0].length;
}
function quotedEnd(text, start) {
  const quote = text[start];
  if (quote !== '"' && quote !== "'") return -1;
  let backslashes = 0;
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === quote && backslashes % 2 === 0) return i + 1;
    backslashes = ch === "\\" ? backslashes + 1 : 0;
  }
  return -1;
}
function unexpectedToken(arg, text, pos, flagContext) {
  const rest = text.slice(pos);
  const end = quotedEnd(text, pos);
  let token = rest;
  if (end !== -1) token = text.slice(pos, end);
  else if (flagContext) token = KEY_RUN.exec(rest)?.[0] ?? rest;
  return new FlagAssignError(arg, `Unexpected token: ${pythonStringRepr3(token)}`);
}

// src/config/_type-flag-value.ts
var DIGITS = "[0-9](?:_?[0-9])*";
var INTEGER = /^[+-]?[0-9]+(?:_[0-9]+)*$/;
var FLOAT = new RegExp(
  `^[+-]?(?:(?:(?:${DIGITS})?\\.${DIGITS}|${DIGITS}\\.?)(?:[eE][+-]?${DIGITS})?)$`
);
var FLOAT_WORD = /^([+-]?)(inf|infinity|nan)$/i;
function typeFlagValue(arg, text, flagContext) {
  const value = pyStrip(text);
  if (value === "") return "";
  const end = quotedEnd(value, 0);
  if (end !== -1) {
    const rest = value.slice(end);
    if (!isBlank(rest)) throw unexpectedToken(arg, value, end + leadingSpace(rest), flagContext);
    return value.slice(1, end - 1);
  }
  if (value === "true") return true;
  if (value === "false") return false;
  if (value === "null") return null;
  if (INTEGER.test(value)) return BigInt(value.replaceAll("_", ""));
  if (FLOAT.test(value)) return Number(value.replaceAll("_", ""));
  const word = FLOAT_WORD.exec(value);
  if (word) {
    if (word[2].toLowerCase() === "nan") return Number.NaN;
    return word[1] === "-" ? -Infinity : Infinity;
  }
  return value;
}

// src/config/parse-flag-value.ts
function parseFlagValue(text) {
  return typeFlagValue(text, text, false);
}

// src/config/parse-flag-assign.ts
function parseFlagAssign(arg) {
  const text = pyStrip(arg);
  if (text === "") throw new FlagAssignError(arg, "Missing expected token: one of KEY, QUOTED_STRING");
  let key;
  let pos;
  const quoted = quotedEnd(text, 0);
  if (quoted !== -1) {
    key = text.slice(1, quoted - 1);
    pos = quoted;
  } else {
    const run = KEY_RUN.exec(text);
    if (!run) throw unexpectedToken(arg, text, 0, true);
    key = run[0];
    pos = key.length;
  }
  while (text[pos] === " " || text[pos] === "	") pos++;
  if (pos === text.length) throw new FlagAssignError(arg, "Missing expected token: one of EQUAL, WS_INLINE");
  if (text[pos] !== "=") throw unexpectedToken(arg, text, pos, true);
  return [key, typeFlagValue(arg, text.slice(pos + 1), true)];
}

// src/config/parse-flag-assigns.ts
function parseFlagAssigns(args) {
  const config = {};
  for (const arg of args) {
    const [key, value] = parseFlagAssign(arg);
    setConfigValue(config, key, value);
  }
  return config;
}

// src/config/parse-config-path.ts
var EXCLUDE = /^-\s*/;
function parseConfigPath(text) {
  if (text === "") throw new ConfigPathError("path cannot be empty");
  let rest = text;
  let exclude = false;
  if (rest.startsWith("\\-")) rest = rest.slice(1);
  else if (EXCLUDE.test(rest)) {
    exclude = true;
    rest = rest.replace(EXCLUDE, "");
  }
  const hash = rest.indexOf("#");
  const filePart = hash === -1 ? rest : rest.slice(0, hash);
  const key = hash !== -1 ? rest.slice(hash + 1) : exclude ? void 0 : "*";
  return {
    ...filePart === "" ? {} : { file: filePart },
    fileExclude: filePart !== "" && exclude && hash === -1,
    ...key === void 0 ? {} : { key },
    keyExclude: exclude
  };
}

// src/config/key-pattern-reg-exp.ts
function keyPatternRegExp(pattern) {
  let source = "";
  let i = 0;
  while (i < pattern.length) {
    if (pattern.startsWith("**.", i)) {
      source += "(?:.+\\.)*";
      i += 3;
    } else if (pattern.startsWith("**", i)) {
      source += "(?:.+\\.)*";
      i += 2;
    } else {
      const ch = pattern[i];
      source += ch === "*" ? "[^.]*" : ch === "?" ? "[^.]?" : ch.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
      i += 1;
    }
  }
  return new RegExp(`^${source}$`, "s");
}

// src/config/select-config-keys.ts
function selectConfigKeys(keys, paths) {
  const includes = [];
  const excludes = [];
  for (const path of paths) {
    if (path.key === void 0) continue;
    (path.keyExclude ? excludes : includes).push(keyPatternRegExp(path.key));
  }
  return keys.filter((key) => includes.some((re) => re.test(key)) && !excludes.some((re) => re.test(key)));
}

// src/staging/stage-run.ts
import { lockRun, readMetaFile, readRunOpdef as readRunOpdef5 } from "@gage/meta";

// src/staging/apply-config.ts
import { chmod, stat as stat5, writeFile } from "fs/promises";
import { dirname as dirname3, join as join7 } from "path";
import { logRunner, readRunConfig, readRunOpdef, scanRunFiles, writeMetaFile } from "@gage/meta";

// src/staging/_config-files.ts
import { readFile as readFile2 } from "fs/promises";
import { join as join6 } from "path";

// src/staging/config-format-for.ts
var FORMATS = {
  ".py": async () => (await import("./python-config-format-ZBUJBWWX.js")).pythonConfigFormat,
  ".json": async () => (await import("./json-config-XFCTF7EX.js")).jsonConfigFormat,
  ".yaml": async () => (await import("./yaml-config-ISXJE3QL.js")).yamlConfigFormat,
  ".yml": async () => (await import("./yaml-config-ISXJE3QL.js")).yamlConfigFormat,
  ".toml": async () => (await import("./toml-config-V2BYTK6U.js")).tomlConfigFormat
};
async function configFormatFor(path) {
  const name = path.slice(path.lastIndexOf("/") + 1).replace(/^\.+/, "");
  const dot = name.lastIndexOf(".");
  return dot > 0 ? FORMATS[name.slice(dot).toLowerCase()]?.() : void 0;
}

// src/staging/_config-files.ts
async function* loadConfigFiles(rootDir, opdef, warn, runsDir, texts = /* @__PURE__ */ new Map()) {
  for (const object of opdefConfig(opdef)) {
    const paths = configKeys(object).map(parseConfigPath);
    const files = await selectConfigFiles(rootDir, filePatterns(paths), { runsDir });
    for (const path of files) {
      const format = await configFormatFor(path);
      if (format === void 0) {
        warn(`Unsupported file type for config file "${path}"`);
        continue;
      }
      try {
        const raw = texts.get(path) ?? decodeUtf8(await readFile2(join6(rootDir, ...path.split("/"))));
        const bom = raw.startsWith(BOM);
        const text = bom ? raw.slice(1) : raw;
        const values = format.read(text);
        yield { path, format, text, bom, values, keys: selectConfigKeys(Object.keys(values), paths) };
      } catch (err) {
        warn(`Cannot load configuration for "${path}": ${err.message}`);
      }
    }
  }
}
function filePatterns(paths) {
  const out = [];
  for (const p of paths) {
    if (p.file === void 0) continue;
    if (p.fileExclude) out.push(`-${p.file}`);
    else out.push(p.file.startsWith("-") ? `\\${p.file}` : p.file);
  }
  return out;
}
var BOM = "\uFEFF";
var UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function decodeUtf8(bytes) {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new Error("not a UTF-8 text file");
  }
}

// src/staging/stage-options.ts
function defaultWarning(message) {
  process.stderr.write(`WARNING: ${message}
`);
}

// src/staging/plan-config-patch.ts
async function planConfigPatch(rootDir, opdef, config, options = {}) {
  const warn = options.onWarning ?? defaultWarning;
  const originals = /* @__PURE__ */ new Map();
  const current = /* @__PURE__ */ new Map();
  const problems = [];
  for await (const file of loadConfigFiles(rootDir, opdef, warn, options.runsDir, current)) {
    const values = pick(config, file.keys);
    if (Object.keys(values).length === 0) continue;
    const result = file.format.patch(file.text, values);
    for (const message of result.warnings) problems.push(`"${file.path}": ${message.replace(/; value left unchanged$/, "")}`);
    if (result.text === file.text) continue;
    const bom = file.bom ? "\uFEFF" : "";
    if (!originals.has(file.path)) originals.set(file.path, bom + file.text);
    current.set(file.path, bom + result.text);
  }
  const files = [];
  for (const [path, oldText] of originals) files.push({ path, oldText, newText: current.get(path) });
  return { files, problems };
}
function pick(config, keys) {
  const out = {};
  for (const key of keys) if (Object.hasOwn(config, key)) out[key] = config[key];
  return out;
}

// src/staging/apply-config.ts
async function applyConfig(run, options = {}) {
  options.onPhase?.("stage-config");
  await logRunner(run, "Applying configuration (see log/patched)");
  const [config, opdef] = await Promise.all([readRunConfig(run), readRunOpdef(run)]);
  const plan = await planConfigPatch(run.runDir, opdef, config, {
    onWarning: options.onWarning,
    runsDir: dirname3(run.runDir)
  });
  if (plan.problems.length > 0) throw new ConfigWriteError(plan.problems);
  for (const file of plan.files) await writeRunFile(join7(run.runDir, ...file.path.split("/")), file.newText);
  await writeMetaFile(run, "log/patched", await patchedDiff(plan.files));
  await scanRunFiles(run, "s");
}
async function patchedDiff(files) {
  if (files.length === 0) return "";
  const { formatPatchedDiff: formatPatchedDiff2 } = await import("./format-patched-diff-BGPQG6NU.js");
  return formatPatchedDiff2(files);
}
async function writeRunFile(path, text) {
  const { mode } = await stat5(path);
  if ((mode & 128) === 0) await chmod(path, mode | 128);
  await writeFile(path, text);
  if ((mode & 128) === 0) await chmod(path, mode & 4095);
}

// src/staging/finalize-staged-run.ts
import { mkdir } from "fs/promises";
import { join as join8 } from "path";
import { logRunner as logRunner2, makeReadOnly, writeManifest, writeRunTimestamp } from "@gage/meta";
async function finalizeStagedRun(run, options = {}) {
  options.onPhase?.("stage-finalize");
  await mkdir(run.runDir, { recursive: true });
  await logRunner2(run, "Finalizing staged files (see manifest)");
  const entries = await writeManifest(run);
  for (const entry of entries) await makeReadOnly(join8(run.runDir, ...entry.path.split("/")));
  await writeRunTimestamp(run, "staged");
}

// src/staging/stage-dependencies.ts
import { resolve as resolve7 } from "path";
import { readRunOpdef as readRunOpdef2, scanRunFiles as scanRunFiles2 } from "@gage/meta";
import { runHook } from "@gage/proc";

// src/staging/resolve-project-files.ts
import { lstat as lstat3, mkdir as mkdir2, symlink } from "fs/promises";
import { dirname as dirname4, join as join9 } from "path";
async function resolveProjectFiles(run, projectDir, dependency, options) {
  const files = dependency["files"];
  const patterns = typeof files === "string" ? [files] : Array.isArray(files) ? files.filter(isString) : [];
  const plan = await planSourcecode(projectDir, patterns, { runsDir: dirname4(run.runDir) });
  for (const message of plan.warnings) options.onWarning(message);
  if (plan.paths.length === 0) throw new DependencyNotFoundError(options.opName, patterns);
  const missing = [];
  for (const path of plan.paths) if (!await exists3(join9(run.runDir, path))) missing.push(path);
  if (dependency["link"] !== true) {
    return copySourcecode({ srcDir: plan.srcDir, paths: missing }, run.runDir, { onWarning: options.onWarning });
  }
  for (const path of missing) {
    const dst = join9(run.runDir, path);
    await mkdir2(dirname4(dst), { recursive: true });
    await symlink(join9(plan.srcDir, path), dst);
  }
  return missing;
}
function isString(x) {
  return typeof x === "string";
}
async function exists3(path) {
  try {
    await lstat3(path);
    return true;
  } catch {
    return false;
  }
}

// src/staging/stage-dependencies.ts
async function stageDependencies(run, projectDir, options = {}) {
  options.onPhase?.("stage-dependencies");
  const opdef = await readRunOpdef2(run);
  checkDependsSupported(opdef);
  const srcDir = resolve7(projectDir);
  const onWarning = options.onWarning ?? defaultWarning;
  for (const dependency of opdefDepends(opdef)) {
    await resolveProjectFiles(run, srcDir, dependency, { opName: opdef.name, onWarning });
  }
  const hook = opdefExec(opdef)["stage-dependencies"];
  if (hook !== void 0) {
    await runHook(run, "stage-dependencies", hook, { projectDir: srcDir, onOutput: options.onOutput });
  }
  await scanRunFiles2(run, "d");
}

// src/staging/stage-runtime.ts
import { resolve as resolve8 } from "path";
import { readRunOpdef as readRunOpdef3, scanRunFiles as scanRunFiles3 } from "@gage/meta";
import { runHook as runHook2 } from "@gage/proc";
async function stageRuntime(run, projectDir, options = {}) {
  options.onPhase?.("stage-runtime");
  const hook = opdefExec(await readRunOpdef3(run))["stage-runtime"];
  if (hook !== void 0) {
    await runHook2(run, "stage-runtime", hook, { projectDir: resolve8(projectDir), onOutput: options.onOutput });
  }
  await scanRunFiles3(run, "r");
}

// src/staging/stage-sourcecode.ts
import { mkdir as mkdir3 } from "fs/promises";
import { dirname as dirname5, resolve as resolve9 } from "path";
import { logRunner as logRunner3, readRunOpdef as readRunOpdef4, scanRunFiles as scanRunFiles4 } from "@gage/meta";
import { runHook as runHook3 } from "@gage/proc";
async function stageSourcecode(run, projectDir, options = {}) {
  const warn = options.onWarning ?? defaultWarning;
  options.onPhase?.("stage-sourcecode");
  const opdef = await readRunOpdef4(run);
  const patterns = sourcecodePatterns(opdef);
  await logRunner3(run, `Copying source code (see log/files): ${JSON.stringify(patterns)}`);
  const srcDir = resolve9(projectDir);
  const plan = await planSourcecode(srcDir, patterns, { runsDir: dirname5(run.runDir) });
  for (const message of plan.warnings) warn(message);
  await mkdir3(run.runDir, { recursive: true });
  await copySourcecode(plan, run.runDir, { onWarning: warn });
  const hook = opdefExec(opdef)["stage-sourcecode"];
  if (hook !== void 0) {
    await runHook3(run, "stage-sourcecode", hook, { projectDir: srcDir, onOutput: options.onOutput });
  }
  if (options.logFiles ?? true) await scanRunFiles4(run, "s");
}

// src/staging/stage-run.ts
async function stageRun(run, projectDir, options = {}) {
  const lock = options.lock ?? await lockRun(run);
  try {
    if (await readMetaFile(run, "staged") !== void 0) throw new AlreadyStagedError(run.id);
    checkDependsSupported(await readRunOpdef5(run));
    await stageSourcecode(run, projectDir, { ...options, logFiles: false });
    await applyConfig(run, options);
    await stageRuntime(run, projectDir, options);
    await stageDependencies(run, projectDir, options);
    await finalizeStagedRun(run, options);
  } finally {
    if (options.lock === void 0) await lock.release();
  }
}

// src/staging/read-project-config.ts
async function readProjectConfig(projectDir, opdef, options = {}) {
  const config = {};
  const warn = options.onWarning ?? defaultWarning;
  for await (const file of loadConfigFiles(projectDir, opdef, warn, options.runsDir)) {
    for (const key of file.keys) config[key] = file.values[key];
  }
  return config;
}
export {
  AlreadyStagedError,
  ConfigPathError,
  ConfigSyntaxError,
  ConfigWriteError,
  DEFAULT_SOURCECODE_PATTERNS,
  DependencyNotFoundError,
  DependsNotSupportedError,
  FlagAssignError,
  GAGEFILE_CANDIDATES,
  GagefileExtensionError,
  GagefileInvalidError,
  GagefileLoadError,
  GagefileMissingError,
  GagefileReadError,
  GagefileSyntaxError,
  MissingExecError,
  NoDefaultOperationError,
  OperationNotFoundError,
  PROJECT_MARKERS,
  SourcePatternError,
  applyConfig,
  checkDependsSupported,
  configFormatFor,
  configKeys,
  copySourcecode,
  dependencyType,
  finalizeStagedRun,
  findGagefile,
  findProjectDir,
  formatPatchedDiff,
  gagefileSchema,
  globRegExp,
  isTextFile,
  jsonConfigFormat,
  keyPatternRegExp,
  loadGagefile,
  opRefFor,
  opRunCommand,
  opdefConfig,
  opdefDefault,
  opdefDepends,
  opdefDescription,
  opdefExec,
  opdefProgress,
  opdefSourcecode,
  opdefVersion,
  parseConfigPath,
  parseFlagAssign,
  parseFlagAssigns,
  parseFlagValue,
  parseSourcePattern,
  patchPythonConfig,
  planConfigPatch,
  planSourcecode,
  projectNamespace,
  pythonConfigFormat,
  readProjectConfig,
  readPythonConfig,
  resolveOperation,
  resolveProjectFiles,
  selectConfigFiles,
  selectConfigKeys,
  sourcecodePatterns,
  stageDependencies,
  stageRun,
  stageRuntime,
  stageSourcecode,
  tomlConfigFormat,
  validateGagefile,
  yamlConfigFormat
};
//# sourceMappingURL=index.js.map