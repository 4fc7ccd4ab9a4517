import { expect, test } from '@jest/globals';
import { runNameForId } from './run-name.js';

test.each([
  ['60a825b1-4196-41ff-af37-e731541cb1e4', 'kafom-fikud'],
  ['60a825b1-0000-4000-8000-000000000000', 'kafom-fikud'],
  ['60a82', 'babak-bopaf'],
  ['aaa', 'babab-bopop'],
  ['bbb', 'babab-bovur'],
  ['ccc', 'babab-bugas'],
  ['abc', 'babab-bopus'],
  ['00000000', 'babab-babab'],
  ['ffffffff', 'zuzuz-zuzuz'],
  ['7f000001', 'lusab-babad'],
  ['deadbeef', 'tupot-ruroz'],
])('runNameForId(%j) is %j (spec test vectors)', (id, name) => {
  expect(runNameForId(id)).toBe(name);
});

test.each(['', 'xyz', '../x', '12g4'])('runNameForId() rejects %j', (id) => {
  expect(() => runNameForId(id)).toThrow(`invalid run id: '${id}'`);
});
