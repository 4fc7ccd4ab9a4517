import assert from 'node:assert/strict';
import { decodeOpref, encodeMetaJson, encodeOpref, parseJson, runNameForId } from '@gage/types';

Deno.test('op refs round-trip under Deno', () => {
  assert.deepEqual(decodeOpref(encodeOpref({ ns: 'test', name: 'test', version: '1' })), {
    ns: 'test',
    name: 'test',
    version: '1',
  });
});

Deno.test('run names and meta JSON under Deno', () => {
  assert.equal(runNameForId('deadbeef'), 'tupot-ruroz');
  assert.equal(encodeMetaJson(parseJson('{"lr": 1.0, "n": 3}', { bigint: true })), '{\n  "lr": 1.0,\n  "n": 3\n}');
});
