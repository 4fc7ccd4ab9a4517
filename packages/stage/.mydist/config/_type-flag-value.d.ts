import type { ConfigValue } from '@gage/types';
/**
 * `parseFlagValue` with the error context of a whole flag: `arg` is
 * reported in errors and, in flag context, an unexpected token is the
 * longest KEY-shaped run.
 */
export declare function typeFlagValue(arg: string, text: string, flagContext: boolean): ConfigValue;
//# sourceMappingURL=_type-flag-value.d.ts.map