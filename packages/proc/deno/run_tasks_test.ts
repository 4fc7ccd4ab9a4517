import assert from 'node:assert/strict';
import { runTasks, type Task } from '@gage/proc';

/** A task that ends after `ms` with `value`, noting how many tasks ran at once. */
function timed(ms: number, value: number, state: { running: number; most: number; order: number[] }): Task<number> {
  return async () => {
    state.order.push(value);
    state.most = Math.max(state.most, ++state.running);
    await new Promise((resolve) => setTimeout(resolve, ms));
    state.running--;
    return value;
  };
}

Deno.test('runTasks runs at most `jobs` tasks at a time, in order, under Deno', async () => {
  const state = { running: 0, most: 0, order: [] as number[] };
  const tasks = [0, 1, 2, 3, 4].map((i) => timed(20, i, state));
  const { outcomes, stopped, counts } = await runTasks(tasks, { jobs: 2 });
  assert.equal(state.most, 2);
  assert.deepEqual(state.order, [0, 1, 2, 3, 4]);
  assert.deepEqual(outcomes.map((o) => o.state), ['done', 'done', 'done', 'done', 'done']);
  assert.equal(stopped, undefined);
  assert.deepEqual(counts, { waiting: 0, running: 0, done: 5, failed: 0 });
});

Deno.test('runTasks starts no new task after a failure unless keepGoing, and none after an abort', async () => {
  const state = { running: 0, most: 0, order: [] as number[] };
  const failing = [timed(10, 1, state), timed(10, 0, state), timed(10, 0, state)];
  const stoppedRun = await runTasks(failing, { isFailure: (v) => v !== 0 });
  assert.deepEqual(stoppedRun.outcomes.map((o) => o.state), ['failed', 'not-started', 'not-started']);
  assert.equal(stoppedRun.stopped, 'failure');
  const going = await runTasks(failing, { isFailure: (v) => v !== 0, keepGoing: true });
  assert.deepEqual(going.outcomes.map((o) => o.state), ['failed', 'done', 'done']);
  const controller = new AbortController();
  const aborted = runTasks([
    (signal) => new Promise<number>((resolve) => signal.addEventListener('abort', () => resolve(-2))),
    timed(10, 0, state),
  ], { signal: controller.signal });
  controller.abort('SIGINT');
  const result = await aborted;
  assert.deepEqual(result.outcomes, [{ state: 'done', value: -2 }, { state: 'not-started' }]);
  assert.equal(result.stopped, 'signal');
  await assert.rejects(runTasks([], { jobs: 0 }), RangeError);
});
