import { expect, test } from '@jest/globals';
import * as proc from '@gage/proc';

test('the package exports its API by name', () => {
  for (const name of ['resolveCommand', 'startRun', 'openRunOutput', 'RunOutputWriter', 'RunOutputReader', 'iterRunOutput', 'readRunOutput', 'followRunOutput',
    'runHook', 'execRun', 'finalizeRun', 'RunExecError', 'SpawnError', 'RunOutputError', 'collectReadBuffers', 'runTasks', 'stopRun', 'slurmBackend',
    'cachedTaskStates', 'SchedulerError'])
  {
    expect(typeof (proc as Record<string, unknown>)[name]).toBe('function');
  }
  expect(proc.HOOK_OUTPUT_NAMES.run).toBe('40_run');
  expect(proc.SUBMITTED_TASK_ENV).toBe('GAGE_SUBMITTED_TASK');
  expect(proc.INDEX_RECORD_SIZE).toBe(9);
  expect(new proc.RunExecError('run', ['x'], -2)).toMatchObject({
    code: 'ERR_GAGE_RUN_EXEC',
    exitCode: -2,
    message: 'Command for "run" exited with signal 2: ["x"]',
  });
});
