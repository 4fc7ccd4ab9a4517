import { describe, expect, test } from '@jest/globals';
import { runTasks, type Task, type TaskCounts } from './run-tasks.js';

/** A task that resolves (or rejects) only when told to, and notes when it started and with which signal. */
interface Gate<R> {
  task: Task<R>;
  started: boolean;
  signal: AbortSignal | undefined;
  resolve(value: R): void;
  reject(reason: unknown): void;
}

function gate<R>(): Gate<R> {
  let resolve!: (value: R) => void;
  let reject!: (reason: unknown) => void;
  const g: Gate<R> = {
    started: false,
    signal: undefined,
    task: (signal) => {
      g.started = true;
      g.signal = signal;
      return new Promise<R>((res, rej) => {
        resolve = res;
        reject = rej;
      });
    },
    resolve: (value) => resolve(value),
    reject: (reason) => reject(reason),
  };
  return g;
}

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

const started = (gates: Gate<unknown>[]) => gates.map((g) => g.started);

describe('runTasks()', () => {
  test('runs at most `jobs` tasks at a time, in order, and starts the next as one ends', async () => {
    const gates = [gate<number>(), gate<number>(), gate<number>(), gate<number>()];
    const result = runTasks(gates.map((g) => g.task), { jobs: 2 });
    await settle();
    expect(started(gates)).toEqual([true, true, false, false]);
    gates[1]?.resolve(1);
    await settle();
    expect(started(gates)).toEqual([true, true, true, false]);
    gates[0]?.resolve(0);
    gates[2]?.resolve(2);
    await settle();
    expect(started(gates)).toEqual([true, true, true, true]);
    gates[3]?.resolve(3);
    const { outcomes, stopped, counts } = await result;
    expect(outcomes).toEqual([0, 1, 2, 3].map((value) => ({ state: 'done', value })));
    expect(stopped).toBeUndefined();
    expect(counts).toEqual({ waiting: 0, running: 0, done: 4, failed: 0 });
  });

  test('jobs default to 1: one task after the other', async () => {
    const gates = [gate<number>(), gate<number>()];
    const result = runTasks(gates.map((g) => g.task));
    await settle();
    expect(started(gates)).toEqual([true, false]);
    gates[0]?.resolve(0);
    await settle();
    expect(started(gates)).toEqual([true, true]);
    gates[1]?.resolve(1);
    expect((await result).counts.done).toBe(2);
  });

  test('more jobs than tasks starts them all, and no tasks resolves at once', async () => {
    const gates = [gate<number>(), gate<number>()];
    const result = runTasks(gates.map((g) => g.task), { jobs: 10 });
    await settle();
    expect(started(gates)).toEqual([true, true]);
    gates.forEach((g, i) => g.resolve(i));
    expect((await result).counts).toEqual({ waiting: 0, running: 0, done: 2, failed: 0 });
    expect(await runTasks([], { jobs: 3 })).toEqual({ outcomes: [], stopped: undefined, counts: { waiting: 0, running: 0, done: 0, failed: 0 } });
  });

  test.each([0, -1, 1.5, Number.NaN, Infinity])('refuses jobs = %p with a RangeError', async (jobs) => {
    await expect(runTasks([], { jobs })).rejects.toThrow(RangeError);
    await expect(runTasks([], { jobs })).rejects.toThrow(/jobs must be an integer of 1 or more/);
  });

  test('a failure starts no new task; the running ones end; the rest are not started', async () => {
    const gates = [gate<number>(), gate<number>(), gate<number>(), gate<number>()];
    const result = runTasks(gates.map((g) => g.task), { jobs: 2, isFailure: (code) => code !== 0 });
    await settle();
    gates[0]?.resolve(3);
    await settle();
    expect(started(gates)).toEqual([true, true, false, false]);
    gates[1]?.resolve(0);
    const { outcomes, stopped, counts } = await result;
    expect(outcomes).toEqual([{ state: 'failed', value: 3 }, { state: 'done', value: 0 }, { state: 'not-started' }, { state: 'not-started' }]);
    expect(stopped).toBe('failure');
    expect(counts).toEqual({ waiting: 2, running: 0, done: 1, failed: 1 });
  });

  test('a rejection is a failure and its outcome, never a rejection of runTasks', async () => {
    const gates = [gate<number>(), gate<number>()];
    const result = runTasks(gates.map((g) => g.task));
    await settle();
    const err = new Error('boom');
    gates[0]?.reject(err);
    const { outcomes, stopped } = await result;
    expect(outcomes).toEqual([{ state: 'rejected', reason: err }, { state: 'not-started' }]);
    expect(stopped).toBe('failure');
  });

  test('keepGoing starts every task whatever fails', async () => {
    const gates = [gate<number>(), gate<number>(), gate<number>()];
    const result = runTasks(gates.map((g) => g.task), { keepGoing: true, isFailure: (code) => code !== 0 });
    for (const [i, g] of gates.entries()) {
      await settle();
      expect(g.started).toBe(true);
      if (i === 1) g.reject(new Error('x'));
      else g.resolve(i === 0 ? 1 : 0);
    }
    const { outcomes, stopped, counts } = await result;
    expect(outcomes.map((o) => o.state)).toEqual(['failed', 'rejected', 'done']);
    expect(stopped).toBeUndefined();
    expect(counts).toEqual({ waiting: 0, running: 0, done: 1, failed: 2 });
  });

  test('a failure of the last task leaves nothing unstarted: stopped stays undefined', async () => {
    const gates = [gate<number>()];
    const result = runTasks(gates.map((g) => g.task), { isFailure: (code) => code !== 0 });
    await settle();
    gates[0]?.resolve(1);
    expect((await result).stopped).toBeUndefined();
  });

  test('an abort starts no new task and reaches the running ones through their signal', async () => {
    const controller = new AbortController();
    const gates = [gate<string>(), gate<string>(), gate<string>()];
    const result = runTasks(gates.map((g) => g.task), { jobs: 2, signal: controller.signal });
    await settle();
    expect(gates[0]?.signal).toBe(controller.signal);
    for (const g of gates.slice(0, 2)) g.signal?.addEventListener('abort', () => g.resolve(`stopped by ${String(g.signal?.reason)}`));
    controller.abort('SIGINT');
    const { outcomes, stopped, counts } = await result;
    expect(outcomes).toEqual([
      { state: 'done', value: 'stopped by SIGINT' },
      { state: 'done', value: 'stopped by SIGINT' },
      { state: 'not-started' },
    ]);
    expect(started(gates)).toEqual([true, true, false]);
    expect(stopped).toBe('signal');
    expect(counts.waiting).toBe(1);
  });

  test('an aborted signal starts nothing', async () => {
    const g = gate<number>();
    const { outcomes, stopped } = await runTasks([g.task], { signal: AbortSignal.abort('SIGTERM') });
    expect(outcomes).toEqual([{ state: 'not-started' }]);
    expect(stopped).toBe('signal');
    expect(g.started).toBe(false);
  });

  test('without a signal the tasks get one that never aborts', async () => {
    const g = gate<number>();
    const result = runTasks([g.task]);
    await settle();
    expect(g.signal?.aborted).toBe(false);
    g.resolve(0);
    await result;
  });

  test('onProgress sees the counts at the start and after each start and end', async () => {
    const seen: TaskCounts[] = [];
    const gates = [gate<number>(), gate<number>()];
    const result = runTasks(gates.map((g) => g.task), { jobs: 1, isFailure: (c) => c !== 0, keepGoing: true, onProgress: (c) => seen.push(c) });
    await settle();
    gates[0]?.resolve(0);
    await settle();
    gates[1]?.resolve(2);
    await result;
    expect(seen).toEqual([
      { waiting: 2, running: 0, done: 0, failed: 0 },
      { waiting: 1, running: 1, done: 0, failed: 0 },
      { waiting: 1, running: 0, done: 1, failed: 0 },
      { waiting: 0, running: 1, done: 1, failed: 0 },
      { waiting: 0, running: 0, done: 1, failed: 1 },
    ]);
  });
});
