import {
  jsonConfigFormat
} from "./chunk-T3DOGM7G.js";
import "./chunk-7LYES5PY.js";
import "./chunk-WO4GTN6R.js";
export {
  jsonConfigFormat
};
//# sourceMappingURL=json-config-XFCTF7EX.js.map