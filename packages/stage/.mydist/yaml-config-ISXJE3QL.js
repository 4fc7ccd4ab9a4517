import {
  yamlConfigFormat
} from "./chunk-IFQW2JJG.js";
import "./chunk-7LYES5PY.js";
import "./chunk-WO4GTN6R.js";
export {
  yamlConfigFormat
};
//# sourceMappingURL=yaml-config-ISXJE3QL.js.map