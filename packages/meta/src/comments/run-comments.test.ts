import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Run } from '@gage/types';
import { removeTree, testdir } from '@gage/test-utils';
import { makeFakeRun } from '../../test/runs-fixtures.js';
import { addRunComment } from './add-run-comment.js';
import { deleteRunComment } from './delete-run-comment.js';
import { deleteRuns } from '../delete/delete-runs.js';
import { editRunComment } from './edit-run-comment.js';
import { runComments } from './run-comments.js';
import { runUserAttrs } from '../attrs/run-user-attrs.js';
import { osUser } from '../attrs/_os-user.js';

let tmp: string;
let run: Run;
beforeEach(async () => {
  tmp = await testdir();
  run = await makeFakeRun(tmp, 'abc');
});
afterEach(async () => {
  await removeTree(tmp);
});

describe('run comments', () => {
  test('a run starts without comments', async () => {
    expect(await runComments(run)).toEqual([]);
  });

  test('addRunComment logs comment:<id> = {msg, timestamp} by the OS user and returns the id', async () => {
    const before = Date.now();
    const id = await addRunComment(run, 'First thought');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}$/);
    const attrs = await runUserAttrs(run);
    expect(Object.keys(attrs)).toEqual([`comment:${id}`]);
    const [c] = await runComments(run);
    expect(c).toEqual({ id, author: osUser(), timestamp: expect.any(Number), msg: 'First thought' });
    expect(c!.timestamp).toBeGreaterThanOrEqual(before);
    // The id is the time: its 12 hex digits are the timestamp in ms.
    expect(parseInt(id.replace('-', ''), 16)).toBe(c!.timestamp);
  });

  test('comments sort by time; an edit keeps the id, takes a new time and moves last', async () => {
    const a = await addRunComment(run, 'one');
    const b = await addRunComment(run, 'two');
    expect(a).not.toBe(b);
    const [first] = await runComments(run);
    await editRunComment(run, a, 'one, edited');
    const after = await runComments(run);
    expect(after.map((c) => [c.id, c.msg])).toEqual([[b, 'two'], [a, 'one, edited']]);
    expect(after[1]!.timestamp).toBeGreaterThan(first!.timestamp);
  });

  test('deleteRunComment removes it; other comments stay', async () => {
    const a = await addRunComment(run, 'one');
    const b = await addRunComment(run, 'two');
    await deleteRunComment(run, a);
    expect((await runComments(run)).map((c) => c.id)).toEqual([b]);
  });

  test('text with newlines, tabs and any Unicode is kept exactly', async () => {
    const msg = 'line 1\nline 2\n\ttabbed \u{1F600} \u00e9 \x1b[31mred\x1b[0m';
    await addRunComment(run, msg);
    expect((await runComments(run))[0]!.msg).toBe(msg);
  });

  test('unknown ids and empty messages are errors and write nothing', async () => {
    await expect(editRunComment(run, 'nope', 'x')).rejects.toMatchObject({ code: 'ERR_GAGE_COMMENT_NOT_FOUND',
      message: `Cannot find comment 'nope' for run "abc"` });
    await expect(deleteRunComment(run, 'nope')).rejects.toMatchObject({ code: 'ERR_GAGE_COMMENT_NOT_FOUND' });
    await expect(addRunComment(run, '  \n ')).rejects.toMatchObject({ code: 'ERR_GAGE_COMMENT' });
    const id = await addRunComment(run, 'ok');
    await expect(editRunComment(run, id, '')).rejects.toMatchObject({ code: 'ERR_GAGE_COMMENT' });
    expect(await readdir(join(tmp, 'abc.user'))).toHaveLength(1);
  });

  test('a value that is not a comment is skipped; the author of the last write is shown', async () => {
    const id = await addRunComment(run, 'ok');
    const entries = await readdir(join(tmp, 'abc.user'));
    expect(JSON.parse(await readFile(join(tmp, 'abc.user', entries[0]!), 'utf8')).set[`comment:${id}`].msg).toBe('ok');
    const { logAttrs } = await import('../attrs/log-attrs.js');
    await logAttrs(join(tmp, 'abc.user'), 'someone', { 'comment:bad': 'just a string', [`comment:${id}`]: { msg: 'taken over', timestamp: 5 } });
    expect(await runComments(run)).toEqual([{ id, author: 'someone', timestamp: 5, msg: 'taken over' }]);
  });

  test('a deleted run gets no comment', async () => {
    await deleteRuns([run], { permanent: true });
    await expect(addRunComment(run, 'late')).rejects.toMatchObject({ code: 'ERR_GAGE_RUN_GONE' });
  });
});
