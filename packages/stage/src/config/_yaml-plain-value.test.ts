import { describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';
import { resolveYamlPlain } from './_yaml-plain-value.js';
import { YAML_OPTIONS } from './_yaml-scan.js';

describe('resolveYamlPlain()', () => {
  test('reads YAML 1.1 scalars with PyYAML booleans, integers as bigint', () => {
    expect(resolveYamlPlain('on')).toBe(true);
    expect(resolveYamlPlain('NO')).toBe(false);
    expect(resolveYamlPlain('y')).toBe('y');
    expect(resolveYamlPlain('~')).toBeNull();
    expect(resolveYamlPlain('')).toBeNull();
    expect(resolveYamlPlain('0x1F')).toBe(31n);
    expect(resolveYamlPlain('010')).toBe(8n);
    expect(resolveYamlPlain('-1_000')).toBe(-1000n);
    expect(resolveYamlPlain('1e3')).toBe(1000);
    expect(resolveYamlPlain('1.0')).toBe(1);
    expect(resolveYamlPlain('-.inf')).toBe(-Infinity);
    expect(resolveYamlPlain('e5')).toBeNaN();
    expect(resolveYamlPlain('name-5')).toBe('name-5');
  });

  test('leaves sexagesimal numbers, timestamps and what the parser reports an error for', () => {
    for (const s of ['1:30', '190:20:30.15', '2001-12-14', '0x_', '0b_']) expect({ s, value: resolveYamlPlain(s) }).toEqual({ s, value: undefined });
  });

  test('agrees with the yaml package on every text it reads', () => {
    const chars = ['0', '1', '7', '9', '_', '.', '-', '+', 'e', 'E', 'x', 'b', 'o', 'a', 'f', 'n', 'i', 'N', 'I', 'y', 'Y', 's', ':', '~'];
    const texts = new Set<string>();
    const grow = (prefix: string, depth: number): void => {
      texts.add(prefix);
      if (depth > 0) { for (const c of chars) grow(prefix + c, depth - 1); }
    };
    grow('', 3);
    for (const s of [...texts, 'yes', 'Off', 'TRUE', 'Null', 'NULL', 'nULL', '.nan', '.NaN', '+.inf', 'inf', '0o17', '0b101', '1_0.5', '1.e5', '.e5']) {
      const value = resolveYamlPlain(s);
      if (value === undefined) continue;
      if (s.endsWith(':') || s === '-') continue; // not a plain scalar there
      const want = parse(`v: ${s}`, YAML_OPTIONS) as { v: unknown } | null;
      expect({ s, value }).toEqual({ s, value: want?.v });
      expect({ s, type: typeof value }).toEqual({ s, type: typeof want?.v });
    }
  });
});
