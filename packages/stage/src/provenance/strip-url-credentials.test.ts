import { expect, test } from '@jest/globals';
import { stripUrlCredentials } from './strip-url-credentials.js';

test.each([
  ['https://me:ghp_x@github.com/o/r.git', 'https://github.com/o/r.git'],
  ['https://ghp_token@github.com/o/r.git', 'https://github.com/o/r.git'],
  ['HTTP://u:p@host:8080/r', 'HTTP://host:8080/r'],
  ['ssh://git:pw@host/r.git', 'ssh://git@host/r.git'],
  ['ssh://git@host/r.git', 'ssh://git@host/r.git'],
  ['git@github.com:o/r.git', 'git@github.com:o/r.git'],
  ['/srv/git/r.git', '/srv/git/r.git'],
  ['https://github.com/o/r.git', 'https://github.com/o/r.git'],
  ['https://u:p@host/path@v1', 'https://host/path@v1'],
])('stripUrlCredentials(%j) is %j', (url, expected) => {
  expect(stripUrlCredentials(url)).toBe(expected);
});
