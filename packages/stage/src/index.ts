export {};
// Gage files and operations (gagefile/)
export { findProjectDir, PROJECT_MARKERS } from './gagefile/find-project-dir.js';
export type { FindProjectDirOptions } from './gagefile/find-project-dir.js';
export { projectNamespace } from './gagefile/project-namespace.js';
export { findGagefile, GAGEFILE_CANDIDATES } from './gagefile/find-gagefile.js';
export { loadGagefile } from './gagefile/load-gagefile.js';
export { loadDataFile } from './gagefile/load-data-file.js';
export type { Gagefile, GagefileSettings } from './gagefile/load-gagefile.js';
export { gagefileSchema } from './gagefile/gagefile-schema.js';
export { validateGagefile } from './gagefile/validate-gagefile.js';
export type { ValidateGagefileOptions } from './gagefile/validate-gagefile.js';
export { opdefExec } from './gagefile/opdef-exec.js';
export type { OpdefExec } from './gagefile/opdef-exec.js';
export { opdefVersion } from './gagefile/opdef-version.js';
export { opdefDefault } from './gagefile/opdef-default.js';
export { opdefDescription } from './gagefile/opdef-description.js';
export { opdefSourcecode } from './gagefile/opdef-sourcecode.js';
export { opdefProgress } from './gagefile/opdef-progress.js';
export { configKeys, opdefConfig } from './gagefile/opdef-config.js';
export type { OpdefConfigObject } from './gagefile/opdef-config.js';
export { checkDependsSupported, dependencyType, opdefDepends } from './gagefile/opdef-depends.js';
export { resolveOperation } from './gagefile/resolve-operation.js';
export { opRefFor } from './gagefile/op-ref-for.js';
export { opRunCommand } from './gagefile/op-run-command.js';
// Source code selection and copy (sourcecode/)
export { globRegExp } from './sourcecode/glob-reg-exp.js';
export { parseSourcePattern } from './sourcecode/parse-source-pattern.js';
export type { SourcePattern } from './sourcecode/parse-source-pattern.js';
export { isTextFile } from './sourcecode/is-text-file.js';
export { DEFAULT_SOURCECODE_PATTERNS, sourcecodePatterns } from './sourcecode/sourcecode-patterns.js';
export { planSourcecode } from './sourcecode/plan-sourcecode.js';
export { limitSkips, limitSkipWarning } from './sourcecode/limit-skip-warning.js';
export type { PlanSourcecodeOptions, SkippedPath, SourcecodePlan } from './sourcecode/plan-sourcecode.js';
export { copySourcecode } from './sourcecode/copy-sourcecode.js';
export type { CopySourcecodeOptions } from './sourcecode/copy-sourcecode.js';
export { selectConfigFiles } from './sourcecode/select-config-files.js';
export type { SelectConfigFilesOptions } from './sourcecode/select-config-files.js';
export { DependsNotSupportedError, GagefileExtensionError, GagefileInvalidError, GagefileLoadError, GagefileMissingError, GagefileReadError,
  GagefileSyntaxError, MissingExecError, NoDefaultOperationError, OperationNotFoundError, SourcePatternError, DataFileError } from './errors.js';
export { ConfigSyntaxError } from './errors.js';
export type { DataFileErrorCode, GagefileErrorCode, StageErrorCode } from './errors.js';
// Config: flags, config paths, config file formats (config/). The formats
// themselves (pythonConfigFormat, yamlConfigFormat, ..., readPythonConfig,
// patchPythonConfig, formatPatchedDiff) are in the entry
// '@gage/stage/config-formats' (./config-formats.ts): they import yaml,
// @lezer/python, smol-toml and diff, which this entry loads only on demand
// (loadConfigFormat, configFormatFor), so `gage run` starts without them.
export { parseFlagValue } from './config/parse-flag-value.js';
export { parseFlagAssign } from './config/parse-flag-assign.js';
export { parseFlagAssigns } from './config/parse-flag-assigns.js';
export { parseRunFlag } from './config/parse-run-flag.js';
export type { RunFlag } from './config/parse-run-flag.js';
export { coerceFlagValue } from './config/coerce-flag-value.js';
export type { CoerceFlagValueOptions } from './config/coerce-flag-value.js';
export { suggestFlagNames } from './config/suggest-flag-names.js';
export { resolveRunConfig } from './config/resolve-run-config.js';
export type { ResolveRunConfigOptions } from './config/resolve-run-config.js';
export { FlagValueError, UnknownFlagError } from './errors.js';
export type { UnknownFlag } from './errors.js';
export { parseConfigPath } from './config/parse-config-path.js';
export type { ConfigPath } from './config/parse-config-path.js';
export { keyPatternRegExp } from './config/key-pattern-reg-exp.js';
export { selectConfigKeys } from './config/select-config-keys.js';
export type { SelectConfigKeysOptions } from './config/select-config-keys.js';
export type { ConfigFormat, ConfigPatchResult } from './config/config-format.js';
export { loadConfigFormat } from './config/load-config-format.js';
export type { ConfigFormatName } from './config/load-config-format.js';
export type { PythonConfig, PythonConfigLiteral } from './config/read-python-config.js';
export type { PatchedFile } from './config/format-patched-diff.js';
export { ConfigPathError, FlagAssignError } from './errors.js';
// Staging (staging/)
export { stageRun } from './staging/stage-run.js';
export { stageSourcecode } from './staging/stage-sourcecode.js';
export type { StageSourcecodeOptions } from './staging/stage-sourcecode.js';
export { applyConfig } from './staging/apply-config.js';
export { stageRuntime } from './staging/stage-runtime.js';
export { stageDependencies } from './staging/stage-dependencies.js';
export { finalizeStagedRun } from './staging/finalize-staged-run.js';
export type { StageOptions, StagePhase } from './staging/stage-options.js';
export { readProjectConfig } from './staging/read-project-config.js';
export type { ReadProjectConfigOptions } from './staging/read-project-config.js';
export { configFormatFor } from './staging/config-format-for.js';
export { AlreadyStagedError, StagingStoppedError } from './errors.js';
export { planConfigPatch } from './staging/plan-config-patch.js';
export { configReadbackMismatches } from './staging/config-readback-mismatches.js';
export type { ReadbackFile } from './staging/config-readback-mismatches.js';
export type { ConfigPatchPlan, PlanConfigPatchOptions } from './staging/plan-config-patch.js';
export { ConfigReadbackError, ConfigWriteError } from './errors.js';
export type { ReadbackMismatch } from './errors.js';
// Batch files and sweeps (batch/)
export { readBatchFile } from './batch/read-batch-file.js';
export type { BatchFile, ReadBatchFileOptions } from './batch/read-batch-file.js';
export { parseBatchCsv } from './batch/parse-batch-csv.js';
export type { BatchRow } from './batch/parse-batch-csv.js';
export { parseBatchJson } from './batch/parse-batch-json.js';
export { parseSweep, SWEEP_FUNCTIONS } from './batch/parse-sweep.js';
export type { GridSweep, RandomSweep, Sweep } from './batch/parse-sweep.js';
export { DEFAULT_RANDOM_TRIALS, MAX_TRIALS, planTrials } from './batch/plan-trials.js';
export type { PlanTrialsOptions, TrialPlan } from './batch/plan-trials.js';
export { BatchFileError, SweepError, TooManyTrialsError } from './errors.js';
export type { BatchErrorCode } from './errors.js';
// Provenance (provenance/)
export { collectProvenance } from './provenance/collect-provenance.js';
export type { CollectedProvenance, CollectProvenanceOptions } from './provenance/collect-provenance.js';
export { recordProvenanceSync } from './provenance/record-provenance-sync.js';
export { stripUrlCredentials } from './provenance/strip-url-credentials.js';
export type { GitProvenance, GpuInfo, Provenance, ProvenanceError } from './provenance/provenance.js';
export { resolveProjectFiles } from './staging/resolve-project-files.js';
export type { ResolveProjectFilesOptions } from './staging/resolve-project-files.js';
export { DependencyNotFoundError } from './errors.js';
