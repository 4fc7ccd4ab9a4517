import { describe, expect, test } from '@jest/globals';
import { parseRunFlag } from './parse-run-flag.js';
import { resolveRunConfig } from './resolve-run-config.js';

const flags = (...args: string[]) => args.map(parseRunFlag);

describe('resolveRunConfig() (decisions 15, 17)', () => {
  const defaults = { epochs: 5n, lr: 0.1, 'optimizer.lr': 0.05, 'sizes.0': 1n, 'sizes.1': 2n, 'sizes.2': 3n };

  test('applies known flags with the default types, keeping the defaults order; last flag wins', () => {
    const config = resolveRunConfig(defaults, flags('lr=1', 'epochs=3', 'epochs=4', 'optimizer.lr=0.2'), { opName: 'train' });
    expect(Object.keys(config)).toEqual(Object.keys(defaults));
    expect(config).toStrictEqual({ ...defaults, epochs: 4n, lr: 1, 'optimizer.lr': 0.2 });
  });

  test('refuses an unknown flag with suggestions and the --force-flags hint', () => {
    expect(() => resolveRunConfig(defaults, flags('ephocs=5'), { opName: 'train' })).toThrow(
      "Unknown flag 'ephocs' for operation train\nDid you mean 'epochs'?",
    );
    try {
      resolveRunConfig(defaults, flags('ephocs=5'), { opName: 'train' });
    } catch (err) {
      expect(err).toMatchObject({ code: 'ERR_GAGE_UNKNOWN_FLAG', hint: 'Use --force-flags to record it anyway.', opName: 'train' });
    }
  });

  test('names every unknown flag once; a list index past the end says the list length', () => {
    expect(() => resolveRunConfig(defaults, flags('sizes.5=1', 'zz=1', 'zz=2'), { opName: 'train' })).toThrow(
      "Unknown flag 'sizes.5' for operation train\n'sizes' is a list of 3 items (sizes.0 to sizes.2)\n" +
        "Did you mean 'sizes.0', 'sizes.1', 'sizes.2'?\nUnknown flag 'zz' for operation train",
    );
  });

  test('with forceFlags, unknown flags are recorded after the defaults and words stay strings', () => {
    const config = resolveRunConfig(defaults, flags('ephocs=5', 'lr=abc'), { opName: 'train', forceFlags: true });
    expect(Object.keys(config)).toEqual([...Object.keys(defaults), 'ephocs']);
    expect(config['ephocs']).toBe(5n);
    expect(config['lr']).toBe('abc');
  });

  test('supports the flag name __proto__ as an ordinary key', () => {
    const defaults = JSON.parse('{"__proto__": 0}', (_k, v: unknown) => (typeof v === 'number' ? BigInt(v) : v)) as Record<string, bigint>;
    expect(Object.hasOwn(defaults, '__proto__')).toBe(true);
    const config = resolveRunConfig(defaults, flags('__proto__=1'), { opName: 'op' });
    expect(Object.hasOwn(config, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(config, '__proto__')?.value).toBe(1n);
  });

  test('does not take inherited object members for known flags', () => {
    expect(() => resolveRunConfig({}, flags('constructor=1'), { opName: 'op' })).toThrow("Unknown flag 'constructor' for operation op");
    expect(() => resolveRunConfig({}, flags('toString=1'), { opName: 'op' })).toThrow("Unknown flag 'toString'");
  });
});
