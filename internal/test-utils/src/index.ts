export { entries } from './entries.js';
export { listFiles } from './list-files.js';
export { removeTree } from './remove-tree.js';
export { cleanupTestdirs, testdir } from './testdir.js';
export { waitFor, type WaitForOptions } from './wait-for.js';
export { writeTree, type Link, type Tree } from './write-tree.js';
export { SLURM_INSTALL, startSlurmCluster, type SlurmCluster } from './slurm-cluster.js';
