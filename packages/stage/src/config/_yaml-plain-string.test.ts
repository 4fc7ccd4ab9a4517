import { describe, expect, test } from '@jest/globals';
import { isPlainYamlString } from './_yaml-plain-string.js';
import { Random } from './_test-spans.js';
import { yamlReadings } from './_yaml-scan.js';

describe('isPlainYamlString()', () => {
  test('knows common strings and no booleans, nulls or numbers', () => {
    for (const s of ['name-5-patched', 'adam', 'relu', 'data/train.csv', 'v1.0', 'a b', 'gpt-2', 'x', 'Z'])
      expect({ s, plain: isPlainYamlString(s) }).toEqual({ s, plain: true });
    for (const s of ['yes', 'No', 'ON', 'off', 'y', 'Y', 'n', 'N', 'true', 'False', 'null', 'Null', 'NULL', 'e5', 'E10', '1', '1.5', '.inf', '', ' a', 'a ',
      'a:b', 'a #b', '-a', 'a,b', 'é'])
    {
      expect({ s, plain: isPlainYamlString(s) }).toEqual({ s, plain: false });
    }
  });

  test('is true only for strings every YAML reading reads back as themselves', () => {
    const random = new Random(42);
    const chars = [...'aeEnNyYtTfFoOxbsuIlL0123456789_-./ '];
    const texts = ['yes', 'Yes', 'YES', 'no', 'on', 'On', 'off', 'Off', 'true', 'TRUE', 'false', 'FALSE', 'null', 'Null', 'NULL', 'nan', 'inf', 'e1', 'E1',
      'e-1', 'e+1'];
    for (let i = 0; i < 20000; i++) texts.push(Array.from({ length: 1 + random.int(6) }, () => random.pick(chars)).join(''));
    let known = 0;
    for (const s of texts) {
      if (!isPlainYamlString(s)) continue;
      known++;
      expect({ s, readings: yamlReadings(s) }).toEqual({ s, readings: [s, s, s] });
    }
    expect(known).toBeGreaterThan(1000);
  });
});
