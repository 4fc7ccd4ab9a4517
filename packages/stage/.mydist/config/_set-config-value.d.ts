import type { Config, ConfigValue } from '@gage/types';
/** Sets `config[key]`, also for the key `__proto__` (a plain assignment would change the prototype). */
export declare function setConfigValue(config: Config, key: string, value: ConfigValue): void;
//# sourceMappingURL=_set-config-value.d.ts.map