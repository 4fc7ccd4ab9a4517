import { describe, expect, test } from '@jest/globals';
import { OpDef, type JsonObject } from '@gage/types';
import { configKeys, opdefConfig } from './opdef-config.js';
import { checkDependsSupported, dependencyType, opdefDepends } from './opdef-depends.js';
import { opdefDefault } from './opdef-default.js';
import { opdefDescription } from './opdef-description.js';
import { opdefExec } from './opdef-exec.js';
import { opdefProgress } from './opdef-progress.js';
import { opdefSourcecode } from './opdef-sourcecode.js';
import { opdefVersion } from './opdef-version.js';

const op = (data: OpDef['data']): OpDef => OpDef('op', data, 'gage.toml');

describe('opdefExec', () => {
  test('string and array are the run command; absent is {}', () => {
    expect(opdefExec(op({ exec: 'python a.py' }))).toEqual({ run: 'python a.py' });
    expect(opdefExec(op({ exec: ['python', 'a.py'] }))).toEqual({ run: ['python', 'a.py'] });
    expect(opdefExec(op({ exec: '' }))).toEqual({ run: '' });
    expect(opdefExec(op({}))).toEqual({});
  });

  test('phases; finalize-run is an alias of finalize and wins', () => {
    const exec = opdefExec(op({ exec: { 'stage-sourcecode': 'a', 'stage-runtime': ['b'], 'stage-dependencies': 'c', run: 'd', finalize: 'e' } }));
    expect(exec).toEqual({ 'stage-sourcecode': 'a', 'stage-runtime': ['b'], 'stage-dependencies': 'c', run: 'd', finalize: 'e' });
    expect(opdefExec(op({ exec: { 'finalize-run': 'x', finalize: 'y' } }))).toEqual({ finalize: 'x' });
    expect(opdefExec(op({ exec: { finalize: 'y' } })).run).toBeUndefined();
  });
});

describe('opdefVersion', () => {
  test.each([
    [undefined, null],
    [null, null],
    ['1.0', '1.0'],
    [1n, '1'],
    [2.0, '2.0'],
    [1.5, '1.5'],
    [1e-5, '1e-05'],
  ])('%p -> %p', (version, expected) => {
    expect(opdefVersion(op(version === undefined ? {} : { version }))).toBe(expected);
  });
});

describe('other accessors', () => {
  test('opdefDefault is truthiness', () => {
    expect(opdefDefault(op({ default: true }))).toBe(true);
    expect(opdefDefault(op({ default: false }))).toBe(false);
    expect(opdefDefault(op({}))).toBe(false);
    expect(opdefDefault(op({ default: 'yes' }))).toBe(true);
    expect(opdefDefault(op({ default: 0n }))).toBe(false);
  });

  test('opdefSourcecode', () => {
    expect(opdefSourcecode(op({}))).toBeUndefined();
    expect(opdefSourcecode(op({ sourcecode: true }))).toBe(true);
    expect(opdefSourcecode(op({ sourcecode: false }))).toBe(false);
    expect(opdefSourcecode(op({ sourcecode: '*.py' }))).toEqual(['*.py']);
    expect(opdefSourcecode(op({ sourcecode: [] }))).toEqual([]);
  });

  test('opdefConfig and configKeys', () => {
    expect(opdefConfig(op({}))).toEqual([]);
    expect(opdefConfig(op({ config: 'a.py' }))).toEqual([{ keys: 'a.py' }]);
    expect(opdefConfig(op({ config: { keys: ['a.py'], description: 'd' } }))).toEqual([{ keys: ['a.py'], description: 'd' }]);
    expect(opdefConfig(op({ config: ['a.py', 'b.py#x'] }))).toEqual([{ keys: ['a.py', 'b.py#x'] }]);
    expect(opdefConfig(op({ config: ['a.py', { keys: 'b.py' }] }))).toEqual([{ keys: 'a.py' }, { keys: 'b.py' }]);
    expect(opdefConfig(op({ config: [] }))).toEqual([]);
    expect(configKeys({ keys: 'a.py' })).toEqual(['a.py']);
    expect(configKeys({ keys: ['a.py', '#x'] })).toEqual(['a.py', '#x']);
    expect(configKeys({})).toEqual([]);
  });

  test('opdefDepends and dependencyType', () => {
    expect(opdefDepends(op({}))).toEqual([]);
    expect(opdefDepends(op({ depends: { files: 'a' } }))).toEqual([{ files: 'a' }]);
    expect(opdefDepends(op({ depends: [{ files: 'a' }, { 'run-select': 'b' }] }))).toHaveLength(2);
    expect(dependencyType({ type: 'runs-summary', 'run-select': 'x' })).toBe('runs-summary');
    expect(dependencyType({ 'run-select': 'x', files: 'a' })).toBe('run-files');
    expect(dependencyType({ files: 'a' })).toBe('project-files');
    expect(dependencyType({})).toBe('');
  });

  test('checkDependsSupported accepts project files and refuses the kinds left for later', () => {
    expect(() => checkDependsSupported(op({}))).not.toThrow();
    expect(() => checkDependsSupported(op({ depends: [] }))).not.toThrow();
    expect(() => checkDependsSupported(op({ depends: { files: 'data.csv' } }))).not.toThrow();
    const cases: [JsonObject, string][] = [
      [{ 'run-select': 'train' }, 'run-files'],
      [{ description: 'x' }, 'untyped'],
      [{ type: 'runs-summary', 'runs-select': 'x' }, 'runs-summary'],
    ];
    for (const [depends, type] of cases) {
      let err: unknown;
      try {
        checkDependsSupported(op({ depends }));
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({
        code: 'ERR_GAGE_DEPENDS_NOT_SUPPORTED',
        message: `Cannot stage operation op: ${type} dependencies are not supported yet`,
      });
    }
  });

  test('opdefProgress', () => {
    expect(opdefProgress(op({}))).toEqual({});
    expect(opdefProgress(op({ progress: 'tqdm' }))).toEqual({ run: 'tqdm' });
    expect(opdefProgress(op({ progress: { 'stage-runtime': 'a', 'finalize-run': 'b', finalize: 'c' } }))).toEqual({ 'stage-runtime': 'a', finalize: 'b' });
  });

  test('opdefDescription', () => {
    expect(opdefDescription(op({ description: 'Hello\nworld' }))).toBe('Hello\nworld');
    expect(opdefDescription(op({}))).toBe('');
  });
});
