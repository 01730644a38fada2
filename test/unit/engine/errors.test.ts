// What a user reads when the engine fails: one sentence of what failed and where, then the fix,
// and nothing said twice. The raw errors are the shapes dockerode, Node and ssh2 throw (the
// engine-reported ones as dockerd 20.10 answered them in the engine tier).
import { strict as assert } from 'node:assert';
import { EngineError, parseHost, translateError } from '../../../client/src/engine';
import { describeEngineError, engineText } from '../../../client/src/engine/errors';

const unix = { endpoint: 'unix:///var/run/docker.sock', transport: 'unix', tls: false, address: '/var/run/docker.sock' } as const;
const tls = { endpoint: 'tcp://10.0.0.5:2376', transport: 'tcp', tls: true, address: '10.0.0.5:2376' } as const;
const ssh = { endpoint: 'ssh://me@box', transport: 'ssh', tls: false, address: 'box:22' } as const;

/** What dockerode's modem throws for an HTTP error: "(HTTP code N) <status text> - <engine text> ". */
function httpError(statusCode: number, statusText: string, engineMessage: string, json: unknown = { message: engineMessage }): Error {
  return Object.assign(new Error(`(HTTP code ${statusCode}) ${statusText} - ${engineMessage} `), { statusCode, reason: statusText, json });
}

function nodeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** No run of four words or more appears twice (case and punctuation aside). */
function assertReadsOnce(message: string): void {
  const words = message.toLowerCase().split(/[^a-z0-9/.:_-]+/).filter(Boolean).map((word) => word.replace(/[.:]+$/, ''));
  const seen = new Set<string>();
  for (let index = 0; index + 4 <= words.length; index++) {
    const run = words.slice(index, index + 4).join(' ');
    assert.ok(!seen.has(run), `"${run}" is said twice in: ${message}`);
    seen.add(run);
  }
}

interface Case {
  readonly name: string;
  readonly error: unknown;
  readonly context: typeof unix | typeof tls | typeof ssh;
  readonly operation: string;
  readonly kind: EngineError['kind'];
  /** The whole message, where its exact wording is the point. */
  readonly exactly?: string;
  /** Otherwise: what it must say (where, why, how to fix). */
  readonly says?: readonly RegExp[];
}

const cases: readonly Case[] = [
  {
    name: 'an image the engine does not have, in the engine\'s doubled words',
    error: httpError(404, 'no such image', 'no such image: nope:1: No such image: nope:1'),
    context: unix,
    operation: 'inspect nope:1',
    kind: 'not-found-object',
    exactly: 'Cannot inspect nope:1: the engine at unix:///var/run/docker.sock has no image nope:1. Check the name, or build or pull the image first.',
  },
  {
    name: 'an image missing on a raw request (no JSON body: the modem\'s status text only)',
    error: httpError(404, 'no such object', 'No such image: nope:1', null),
    context: unix,
    operation: 'tag nope:1 as x/y:1',
    kind: 'not-found-object',
    exactly: 'Cannot tag nope:1 as x/y:1: the engine at unix:///var/run/docker.sock has no image nope:1. Check the name, or build or pull the image first.',
  },
  {
    name: 'a container that is gone',
    error: httpError(404, 'no such container', 'No such container: web-1'),
    context: unix,
    operation: 'start container web-1',
    kind: 'not-found-object',
    exactly: 'Cannot start container web-1: the engine at unix:///var/run/docker.sock has no container web-1. Check the name or ID: the container may have been removed.',
  },
  {
    name: 'a conflict, in the engine\'s words',
    error: httpError(409, 'conflict', 'Conflict. The container name "/web" is already in use by container "0123abcd". You have to remove (or rename) that container to be able to reuse that name.'),
    context: unix,
    operation: 'create container web',
    kind: 'conflict',
    says: [/^The engine at unix:\/\/\/var\/run\/docker\.sock refused to create container web: conflict\. The container name "\/web" is already in use/],
  },
  {
    name: 'an engine error (500)',
    error: httpError(500, 'server error', 'failed to register layer: no space left on device'),
    context: unix,
    operation: 'load images.tar',
    kind: 'engine',
    exactly: 'The engine at unix:///var/run/docker.sock could not load images.tar: failed to register layer: no space left on device.',
  },
  {
    name: 'a missing socket',
    error: nodeError('ENOENT', 'connect ENOENT /var/run/docker.sock'),
    context: unix,
    operation: 'connect',
    kind: 'not-found',
    says: [/^Cannot reach the engine at unix:\/\/\/var\/run\/docker\.sock: \/var\/run\/docker\.sock does not exist\. Start the engine/, /DOCKER_HOST or a docker context; in the editor, Layerwise: Choose Engine…/],
  },
  {
    name: 'a socket this user may not open',
    error: nodeError('EACCES', 'connect EACCES /var/run/docker.sock'),
    context: unix,
    operation: 'list images',
    kind: 'permission-denied',
    says: [/^Cannot list images on the engine at unix:\/\/\/var\/run\/docker\.sock: permission denied on \/var\/run\/docker\.sock\./, /usermod -aG docker/],
  },
  {
    name: 'nothing listening',
    error: nodeError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:2376'),
    context: tls,
    operation: 'connect',
    kind: 'refused',
    says: [/^Cannot reach the engine at tcp:\/\/10\.0\.0\.5:2376: nothing accepts connections at 10\.0\.0\.5:2376\. Check that the engine listens/],
  },
  {
    name: 'a certificate from another CA',
    error: nodeError('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'),
    context: tls,
    operation: 'connect',
    kind: 'tls',
    says: [/^Cannot reach the engine at tcp:\/\/10\.0\.0\.5:2376: the engine's certificate is not signed by the configured CA/, /Put the ca\.pem that signed it in DOCKER_CERT_PATH/],
  },
  {
    name: 'an SSH key the server refuses',
    error: new Error('All configured authentication methods failed'),
    context: ssh,
    operation: 'connect',
    kind: 'ssh-auth',
    says: [/^Cannot reach the engine at ssh:\/\/me@box: the SSH server refused every key/, /ssh-add/],
  },
  {
    name: 'a timeout',
    error: nodeError('ETIMEDOUT', 'connect ETIMEDOUT 10.0.0.5:2376'),
    context: tls,
    operation: 'list containers',
    kind: 'timeout',
    says: [/^Cannot list containers on the engine at tcp:\/\/10\.0\.0\.5:2376: no answer from 10\.0\.0\.5:2376 in time\./, /layerwise\.engine\.timeoutMs/],
  },
  {
    name: 'a dropped connection',
    error: nodeError('ECONNRESET', 'socket hang up'),
    context: unix,
    operation: 'watch events',
    kind: 'connection-lost',
    says: [/^Cannot watch events on the engine at unix:\/\/\/var\/run\/docker\.sock: the connection to the engine dropped\. The engine may have stopped/],
  },
  {
    name: 'a cancellation',
    error: Object.assign(new Error('The operation was aborted'), { name: 'AbortError' }),
    context: unix,
    operation: 'save app:1 to app.tar',
    kind: 'cancelled',
    exactly: 'Cancelled: save app:1 to app.tar on the engine at unix:///var/run/docker.sock.',
  },
];

describe('engine error wording', () => {
  for (const testCase of cases) {
    it(`${testCase.kind}: ${testCase.name}`, () => {
      const error = translateError(testCase.error, { ...testCase.context, operation: testCase.operation });
      assert.equal(error.kind, testCase.kind);
      if (testCase.exactly) assert.equal(error.message, testCase.exactly);
      for (const pattern of testCase.says ?? []) assert.match(error.message, pattern);
      assertReadsOnce(error.message);
      assert.ok(error.message.includes(testCase.context.endpoint), `names the endpoint: ${error.message}`);
      assert.doesNotMatch(error.message, /HTTP code|\bno such object\b| - /, 'none of the HTTP client\'s own words');
    });
  }

  it('a bad endpoint setting says which value, why and an example of a good one', () => {
    assert.throws(
      () => parseHost('ftp://box', { source: 'setting' }),
      (error: unknown) => {
        assert.ok(error instanceof EngineError);
        assert.match(error.message, /^Cannot use the engine endpoint ftp:\/\/box: the scheme ftp:\/\/ is not supported\. Use e\.g\. unix:\/\/\//);
        assertReadsOnce(error.message);
        return true;
      },
    );
  });

  it('an engine not known yet is "the engine", never "the engine at the engine"', () => {
    const message = describeEngineError({ kind: 'engine', endpoint: '', operation: 'list images', reason: 'Unexpected token in JSON', fix: '' });
    assert.equal(message, 'The engine could not list images: unexpected token in JSON.');
  });

  it('the engine\'s own text: prefixes removed, a wrapped repetition said once, other colons kept', () => {
    assert.equal(engineText('(HTTP code 404) no such image - no such image: a:1: No such image: a:1 ', 'no such image'), 'No such image: a:1');
    assert.equal(engineText('failed to solve: failed to solve: rpc error: code = Unknown'), 'failed to solve: rpc error: code = Unknown');
    assert.equal(engineText('invalid reference format: repository name must be lowercase'), 'invalid reference format: repository name must be lowercase');
  });
});
