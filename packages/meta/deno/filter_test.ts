import assert from 'node:assert/strict';
import { FilterSyntaxError, parseRunFilter } from '@gage/meta';

Deno.test('the --where filter language under Deno (decision 21)', () => {
  const rows = [
    { id: 'a', name: 'x', operation: 'train', status: 'completed', config: { lr: 0.1, epochs: 10n }, metrics: { loss: 0.2 } },
    { id: 'b', name: 'y', operation: 'eval', status: 'error', config: { lr: 0.01 }, metrics: {} },
  ];
  const pick = (expr: string) => rows.filter((r) => parseRunFilter(expr).matches(r)).map((r) => r.id);
  assert.deepEqual(pick('lr > 0.05 and epochs == 10'), ['a']);
  assert.deepEqual(pick('status in [completed error] and operation =~ "^ev"'), ['b']);
  assert.deepEqual(pick('train'), ['a']);
  assert.deepEqual(pick('loss < 1'), ['a']);
  assert.throws(() => parseRunFilter('lr >'), (err: unknown) => err instanceof FilterSyntaxError && err.position === 4);
});
