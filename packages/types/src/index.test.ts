import { expect, test } from '@jest/globals';
import * as types from '@gage/types';

test('the package exports its API by name', () => {
  for (const name of ['GageError', 'parseJson', 'parseJsonSpans', 'encodeMetaJson', 'encodeOpref', 'decodeOpref', 'runNameForId', 'configEquals',
    'pythonFloatRepr', 'OpRef', 'OpDef', 'OpCmd', 'FileSystemError', 'fileSystemError', 'RunIdError'])
  {
    expect(typeof (types as Record<string, unknown>)[name]).toBe('function');
  }
  expect(types.OpRef('a', 'b')).toEqual({ ns: 'a', name: 'b' });
  expect(types.OpCmd(['x'])).toEqual({ args: ['x'], env: {} });
  expect(types.OpDef('t', { exec: 'x' })).toEqual({ name: 't', data: { exec: 'x' } });
});
