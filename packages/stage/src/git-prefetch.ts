// The entry '@gage/stage/git-prefetch': starting the `git diff HEAD` of a
// run's provenance before the program is loaded. Node built-ins only, so
// that the `gage` bin can load it first and cheaply.
export { prefetchGitDiff } from './provenance/_git-diff.js';
