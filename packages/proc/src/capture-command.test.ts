import { describe, expect, test } from '@jest/globals';
import { tmpdir } from 'node:os';
import { captureCommand } from './capture-command.js';

const cwd = tmpdir();

describe('captureCommand()', () => {
  test('collects stdout, stderr and the exit code of a real process', async () => {
    const r = await captureCommand('sh', ['-c', 'printf out; printf err >&2; exit 3'], { cwd });
    expect(r).toMatchObject({ exitCode: 3, stderr: 'err', truncated: false, timedOut: false, error: undefined });
    expect(r.stdout.toString()).toBe('out');
  });

  test('kills a process that does not answer in time', async () => {
    const r = await captureCommand('sh', ['-c', 'sleep 30'], { cwd, timeoutMs: 200 });
    expect(r).toMatchObject({ exitCode: undefined, timedOut: true, error: undefined });
  });

  test('keeps at most maxBytes of stdout and stops the process', async () => {
    const r = await captureCommand('yes', ['0123456789'], { cwd, maxBytes: 100_000 });
    expect(r.truncated).toBe(true);
    expect(r.stdout.length).toBe(100_000);
    expect(r.exitCode).toBeUndefined();
  });

  test('returns when the process exits although a grandchild keeps its output open', async () => {
    const r = await captureCommand('sh', ['-c', 'echo a; (exec sleep 3) & echo b'], { cwd });
    expect(r.stdout.toString()).toBe('a\nb\n');
    expect(r.exitCode).toBe(0);
  });

  test('a missing program is an error in the result, not a throw', async () => {
    const r = await captureCommand('no-such-program-gage-xyz', [], { cwd });
    expect(r).toMatchObject({ exitCode: undefined, error: 'program not found' });
  });
});
