import type { Config, ConfigValue } from '@gage/types';

/** Sets `config[key]`, also for the key `__proto__` (a plain assignment would change the prototype). */
export function setConfigValue(config: Config, key: string, value: ConfigValue): void {
  if (key === '__proto__') Object.defineProperty(config, key, { value, enumerable: true, writable: true, configurable: true });
  else config[key] = value;
}
