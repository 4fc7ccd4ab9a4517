import {
  formatPatchedDiff
} from "./chunk-HJIJ4OX4.js";
export {
  formatPatchedDiff
};
//# sourceMappingURL=format-patched-diff-BGPQG6NU.js.map