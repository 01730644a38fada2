import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import type { EngineConnection } from '../../../client/src/engine/connection';
import { BuildEvent, BuildFailedError, buildImage } from '../../../client/src/engine/operations/build';
import { testEngine } from '../support';
import { RUN_ID, cleanup, mainEngine, processesWith, testState, uniqueName, waitUntil, writeTree } from './support';

describe('build (BuildKit through the Engine API)', function () {
  this.timeout(120_000);
  let engine: EngineConnection;
  const base = testState().baseImage;

  before(async () => {
    engine = await mainEngine();
  });
  after(() => cleanup(engine));

  it('builds a two-stage Dockerfile with build args and a target, reporting steps and the image ID', async () => {
    const tag = `${uniqueName('build')}:1`;
    const context = writeTree({
      Dockerfile: `FROM ${base} AS base\nARG GREETING=hi\nRUN echo "$GREETING" > /greeting\n\nFROM base AS final\nRUN cat /greeting\nFROM ${base} AS unused\nRUN exit 9\n`,
    });
    const events: BuildEvent[] = [];
    const result = await buildImage(engine, { contextDir: context, dockerfile: 'Dockerfile', tags: [tag], buildArgs: { GREETING: 'hello from args' }, target: 'final', noCache: true, onEvent: (event) => events.push(event) });
    assert.equal(result.builder, 'buildkit');
    assert.match(result.imageId, /^sha256:[0-9a-f]{64}$/);
    const inspected = await engine.docker.getImage(tag).inspect();
    assert.equal(inspected.Id, result.imageId);
    const steps = events.filter((event): event is Extract<BuildEvent, { kind: 'step' }> => event.kind === 'step' && event.state !== 'started');
    const runGreeting = steps.find((step) => step.instruction?.keyword === 'RUN' && step.instruction.startLine === 2);
    assert.ok(runGreeting, `the RUN on line 3 is reported as a step: ${JSON.stringify(steps.map((step) => step.name))}`);
    assert.ok(!steps.some((step) => step.name.includes('exit 9')), 'the unused stage is not built');
    const output = events.filter((event) => event.kind === 'output').map((event) => (event as { text: string }).text).join('');
    assert.match(output, /hello from args/);
  });

  it('honours .dockerignore exactly as the docker CLI does (same files in the image)', async () => {
    const files = {
      'Dockerfile': `FROM ${base}\nCOPY . /ctx\nRUN cd /ctx && find . | sort > /list\n`,
      '.dockerignore': '# comment\n**/*.log\n!keep.log\n/build\nnode_modules\ndocs/**\n!docs/README.md\nsecret*\n',
      'a.txt': 'a', 'debug.log': 'x', 'keep.log': 'k', 'sub/deep/trace.log': 't', 'sub/deep/ok.txt': 'ok',
      'build/out.o': 'o', 'src/build/keep.c': 'c', 'node_modules/x/index.js': 'x', 'pkg/node_modules/y.js': 'y',
      'docs/guide.md': 'g', 'docs/README.md': 'r', 'secret.env': 's', 'sub/secret.env': 's2',
    };
    const context = writeTree(files);
    const ours = `${uniqueName('ignore')}:ours`;
    const theirs = `${uniqueName('ignore')}:cli`;
    await buildImage(engine, { contextDir: context, dockerfile: 'Dockerfile', tags: [ours] });
    const cli = spawnSync('/usr/bin/docker', ['build', '-q', '-t', theirs, context], { encoding: 'utf8', env: { ...process.env, DOCKER_BUILDKIT: '0' } });
    assert.equal(cli.status, 0, cli.stderr);
    const list = (image: string) => spawnSync('/usr/bin/docker', ['run', '--rm', '--label', `layerwise-test=${RUN_ID}`, image, 'cat', '/list'], { encoding: 'utf8' }).stdout;
    const ourList = list(ours);
    assert.equal(ourList, list(theirs));
    assert.match(ourList, /\.\/keep\.log/);
    assert.match(ourList, /\.\/docs\/README\.md/);
    assert.match(ourList, /\.\/src\/build\/keep\.c/);
    assert.doesNotMatch(ourList, /debug\.log|trace\.log|out\.o|node_modules\/x|guide\.md|\.\/secret\.env/);
  });

  it('prefers <Dockerfile>.dockerignore next to the Dockerfile over the context .dockerignore', async () => {
    const context = writeTree({
      'docker/app.Dockerfile': `FROM ${base}\nCOPY . /ctx\nRUN ls /ctx > /list\n`,
      'docker/app.Dockerfile.dockerignore': 'b.txt\n',
      '.dockerignore': 'a.txt\n',
      'a.txt': 'a', 'b.txt': 'b',
    });
    const tag = `${uniqueName('ignore2')}:1`;
    await buildImage(engine, { contextDir: context, dockerfile: 'docker/app.Dockerfile', tags: [tag] });
    const listed = spawnSync('/usr/bin/docker', ['run', '--rm', '--label', `layerwise-test=${RUN_ID}`, tag, 'cat', '/list'], { encoding: 'utf8' }).stdout.split('\n');
    assert.ok(listed.includes('a.txt'));
    assert.ok(!listed.includes('b.txt'));
  });

  it('supports RUN --mount=type=cache (the cache survives between builds)', async () => {
    const marker = uniqueName('cache');
    const dockerfile = `FROM ${base}\nARG RUN_ID\nRUN --mount=type=cache,target=/cache,id=${marker} echo "$RUN_ID" >> /cache/runs && cat /cache/runs > /seen\n`;
    const context = writeTree({ Dockerfile: dockerfile });
    const tag = `${marker}:1`;
    await buildImage(engine, { contextDir: context, dockerfile: 'Dockerfile', tags: [tag], buildArgs: { RUN_ID: 'first' } });
    await buildImage(engine, { contextDir: context, dockerfile: 'Dockerfile', tags: [tag], buildArgs: { RUN_ID: 'second' } });
    const seen = spawnSync('/usr/bin/docker', ['run', '--rm', '--label', `layerwise-test=${RUN_ID}`, tag, 'cat', '/seen'], { encoding: 'utf8' }).stdout;
    assert.deepEqual(seen.trim().split('\n'), ['first', 'second']);
  });

  for (const eol of ['\n', '\r\n']) {
    it(`reports a failing RUN at its Dockerfile line with its last output (${eol === '\n' ? 'LF' : 'CRLF'})`, async () => {
      const text = [`FROM ${base} AS build`, 'RUN echo preparing', '', '# the failing step spans two lines', 'RUN echo "compiler says: missing semicolon" && \\', '    exit 3', 'FROM build', 'RUN echo never'].join(eol) + eol;
      const context = writeTree({ Dockerfile: text });
      await assert.rejects(buildImage(engine, { contextDir: context, dockerfile: 'Dockerfile', tags: [`${uniqueName('fail')}:1`] }), (error: unknown) => {
        assert.ok(error instanceof BuildFailedError, String(error));
        assert.equal(error.instruction?.startLine, 4);
        assert.equal(error.instruction?.endLine, 5);
        assert.ok(error.lastOutput.some((line) => line.includes('compiler says: missing semicolon')), JSON.stringify(error.lastOutput));
        assert.match(error.message, /line 5/);
        assert.match(error.builderMessage, /exit code: 3/);
        return true;
      });
    });
  }

  // A comment that looks like a directive ends the directives, so the `# escape=` below it is a
  // plain comment: the backquote does not continue the line. The steps are counted the way the
  // builder parsed the file, whichever builder runs.
  for (const builder of ['buildkit', 'classic'] as const) {
    it(`maps a failing step of a file whose escape line is only a comment (${builder})`, async () => {
      const text = ['# owner=platform-team', '# escape=`', `FROM ${base}`, 'RUN echo one # ends in a backquote `', 'RUN echo "the real failure" && exit 6'].join('\n');
      const context = writeTree({ Dockerfile: `${text}\n` });
      await assert.rejects(buildImage(engine, { contextDir: context, dockerfile: 'Dockerfile', builder }), (error: unknown) => {
        assert.ok(error instanceof BuildFailedError, String(error));
        assert.equal(error.instruction?.startLine, 4);
        assert.ok(error.lastOutput.some((line) => line.includes('the real failure')), JSON.stringify(error.lastOutput));
        return true;
      });
    });
  }

  it('reports a COPY of a missing file at its line', async () => {
    const context = writeTree({ Dockerfile: `FROM ${base}\nWORKDIR /app\nCOPY missing.txt /app/\n` });
    await assert.rejects(buildImage(engine, { contextDir: context, dockerfile: 'Dockerfile' }), (error: unknown) => {
      assert.ok(error instanceof BuildFailedError);
      assert.equal(error.instruction?.startLine, 2);
      assert.match(error.builderMessage, /missing\.txt/);
      return true;
    });
  });

  it('reports a Dockerfile syntax error at its line', async () => {
    const context = writeTree({ Dockerfile: `FROM ${base}\nRUN true\nFROBNICATE now\n` });
    await assert.rejects(buildImage(engine, { contextDir: context, dockerfile: 'Dockerfile' }), (error: unknown) => {
      assert.ok(error instanceof BuildFailedError);
      assert.equal(error.instruction?.startLine, 2);
      assert.match(error.builderMessage, /unknown instruction/i);
      return true;
    });
  });

  it('builds with the classic builder when asked, with the same failure mapping', async () => {
    const context = writeTree({ Dockerfile: `FROM ${base}\nRUN echo classic-ok\nRUN echo about to fail && exit 4\n` });
    await assert.rejects(buildImage(engine, { contextDir: context, dockerfile: 'Dockerfile', builder: 'classic' }), (error: unknown) => {
      assert.ok(error instanceof BuildFailedError, String(error));
      assert.equal(error.instruction?.startLine, 2);
      assert.ok(error.lastOutput.some((line) => line.includes('about to fail')), JSON.stringify(error.lastOutput));
      return true;
    });
    const ok = writeTree({ Dockerfile: `FROM ${base}\nRUN echo classic-ok > /ok\n` });
    const result = await buildImage(engine, { contextDir: ok, dockerfile: 'Dockerfile', builder: 'classic', tags: [`${uniqueName('classic')}:1`] });
    assert.equal(result.builder, 'classic');
    assert.match(result.imageId, /^sha256:[0-9a-f]{64}$/);
  });

  it('builds on Podman (no BuildKit): reports the classic builder, and maps a failing COPY to its line', async () => {
    const podman = await testEngine('podman');
    const tag = `${uniqueName('podman')}:1`;
    const events: BuildEvent[] = [];
    const ok = writeTree({ Dockerfile: `FROM ${testState().podman.baseImage}\nCOPY a.txt /a.txt\nLABEL built=by-layerwise\n`, 'a.txt': 'a' });
    try {
      const result = await buildImage(podman, { contextDir: ok, dockerfile: 'Dockerfile', tags: [tag], onEvent: (event) => events.push(event) });
      assert.equal(result.builder, 'classic');
      assert.ok(events.some((event) => event.kind === 'builder' && event.builder === 'classic' && /no BuildKit/.test(event.reason ?? '')));
      assert.equal((await podman.docker.getImage(tag).inspect()).Config.Labels?.built, 'by-layerwise');
      const failing = writeTree({ Dockerfile: `FROM ${testState().podman.baseImage}\nLABEL a=b\nCOPY missing.txt /\n` });
      await assert.rejects(buildImage(podman, { contextDir: failing, dockerfile: 'Dockerfile' }), (error: unknown) => {
        assert.ok(error instanceof BuildFailedError, String(error));
        assert.equal(error.instruction?.startLine, 2);
        return true;
      });
    } finally {
      await podman.docker.getImage(tag).remove({ force: true }).catch(() => undefined);
    }
  });

  it('cancels: the engine stops the running step and no image is produced', async () => {
    const marker = `${Math.floor(Math.random() * 1e6) + 3000000}`;
    const tag = `${uniqueName('cancel')}:1`;
    const context = writeTree({ Dockerfile: `FROM ${base}\nRUN echo started-${marker} && sleep ${marker}\n` });
    const controller = new AbortController();
    const started = waitUntil('the sleep step to run', () => processesWith(`sleep ${marker}`).length > 0, 60_000);
    const build = buildImage(engine, { contextDir: context, dockerfile: 'Dockerfile', tags: [tag], signal: controller.signal });
    build.catch(() => undefined);
    await started;
    controller.abort();
    await assert.rejects(build, (error: unknown) => (error as { kind?: string }).kind === 'cancelled');
    await waitUntil('the engine to stop the step', () => processesWith(`sleep ${marker}`).length === 0, 30_000);
    await assert.rejects(engine.docker.getImage(tag).inspect());
  });
});
