import {
  pythonConfigFormat
} from "./chunk-T2G4CAZJ.js";
import "./chunk-WO4GTN6R.js";
export {
  pythonConfigFormat
};
//# sourceMappingURL=python-config-format-ZBUJBWWX.js.map