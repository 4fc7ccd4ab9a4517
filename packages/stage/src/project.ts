// The entry '@gage/stage/project': finding the project and reading its Gage
// file and config defaults, nothing else. These modules import no process
// code (@gage/proc, execa, cross-spawn), so a program that only looks at the
// project (`gage __complete`, which a shell runs on every Tab) starts without
// loading them. The main entry '@gage/stage' exports the same functions.
export { findProjectDir, PROJECT_MARKERS } from './gagefile/find-project-dir.js';
export type { FindProjectDirOptions } from './gagefile/find-project-dir.js';
export { projectNamespace } from './gagefile/project-namespace.js';
export { findGagefile, GAGEFILE_CANDIDATES } from './gagefile/find-gagefile.js';
export { loadGagefile } from './gagefile/load-gagefile.js';
export type { Gagefile, GagefileSettings } from './gagefile/load-gagefile.js';
export { resolveOperation } from './gagefile/resolve-operation.js';
export { readProjectConfig } from './staging/read-project-config.js';
export type { ReadProjectConfigOptions } from './staging/read-project-config.js';
