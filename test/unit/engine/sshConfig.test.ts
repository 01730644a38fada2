// ~/.ssh/config resolution for ssh:// engines (the docker CLI's ssh honours it; so must we).
import { strict as assert } from 'node:assert';
import { sshConfigFor } from '../../../client/src/engine/sshConfig';

const config = [
  'IdentityFile ~/.ssh/global_key',
  '',
  'Host build-box builder',
  '  HostName 10.1.2.3',
  '  User deploy',
  '  Port 2200',
  '  IdentityFile ~/.ssh/build_%h',
  '',
  'Host *.internal !secret.internal',
  '  User ops',
  '  Port=2022',
  '',
  'Host *',
  '  User fallback',
  '  Port 22',
].join('\n');

describe('ssh config for engine hosts', () => {
  it('a Host alias gives host name, user, port and key files (first value wins)', () => {
    assert.deepEqual(sshConfigFor(config, 'build-box', '/home/me'), {
      hostName: '10.1.2.3',
      user: 'deploy',
      port: 2200,
      identityFiles: ['/home/me/.ssh/global_key', '/home/me/.ssh/build_build-box'],
    });
  });

  it('wildcards and negated patterns', () => {
    assert.deepEqual(sshConfigFor(config, 'db.internal', '/h'), { hostName: undefined, user: 'ops', port: 2022, identityFiles: ['/h/.ssh/global_key'] });
    assert.deepEqual(sshConfigFor(config, 'secret.internal', '/h'), { hostName: undefined, user: 'fallback', port: 22, identityFiles: ['/h/.ssh/global_key'] });
  });

  it('CRLF files and Match blocks (skipped)', () => {
    const text = 'Match host x\r\n  User matched\r\nHost y\r\n  User why\r\n';
    assert.equal(sshConfigFor(text, 'x', '/h').user, undefined);
    assert.equal(sshConfigFor(text, 'y', '/h').user, 'why');
  });
});
