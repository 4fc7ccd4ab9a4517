import assert from 'node:assert/strict';
import { addRunComment, deleteRunComment, editRunComment, makeRun, runComments } from '@gage/meta';
import { removeTree, testdir } from '@gage/test-utils';

Deno.test('adds, edits, lists and deletes run comments under Deno', async () => {
  const runsDir = await testdir();
  try {
    const run = await makeRun(runsDir, { id: 'aaa' });
    const a = await addRunComment(run, 'first\nsecond line');
    const b = await addRunComment(run, 'other');
    assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}$/);
    await editRunComment(run, a, 'edited');
    assert.deepEqual((await runComments(run)).map((c) => [c.id, c.msg]), [[b, 'other'], [a, 'edited']]);
    await deleteRunComment(run, b);
    assert.deepEqual((await runComments(run)).map((c) => c.id), [a]);
    await assert.rejects(deleteRunComment(run, 'zzz'), { code: 'ERR_GAGE_COMMENT_NOT_FOUND' });
  } finally {
    await removeTree(runsDir);
  }
});
