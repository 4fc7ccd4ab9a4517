import {
  tomlConfigFormat
} from "./chunk-BIRRYZUW.js";
import "./chunk-7LYES5PY.js";
import "./chunk-WO4GTN6R.js";
export {
  tomlConfigFormat
};
//# sourceMappingURL=toml-config-V2BYTK6U.js.map