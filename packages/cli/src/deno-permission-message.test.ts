import { describe, expect, test } from '@jest/globals';
import { denoPermissionMessage } from './deno-permission-message.js';

// Deno's own errors are checked by deno/gage_test.ts (gage without permissions); these are its message shapes.
const denoError = (message: string) => Object.assign(new Error(message), { name: 'NotCapable' });

describe('denoPermissionMessage', () => {
  test('names the access, what it was for, and the flag', () => {
    expect(denoPermissionMessage(denoError('Requires read access to "/x/y", run again with the --allow-read flag'))).toEqual({
      message: 'Deno has not granted read access to "/x/y"',
      hint:
        "Gage reads and writes files, reads the environment and starts processes: run it with 'deno run -A gage.js ...', or grant this permission with '--allow-read'.",
    });
    expect(denoPermissionMessage(denoError('Requires env access, run again with the --allow-env flag'))?.message).toBe('Deno has not granted env access');
  });

  test('any other error is not one', () => {
    expect(denoPermissionMessage(new Error('Requires read access to "/x", run again with the --allow-read flag'))).toBeUndefined();
    expect(denoPermissionMessage(denoError('something else'))).toBeUndefined();
    expect(denoPermissionMessage('text')).toBeUndefined();
  });
});
