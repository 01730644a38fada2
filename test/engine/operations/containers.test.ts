import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { EngineConnection } from '../../../client/src/engine/connection';
import { buildImage } from '../../../client/src/engine/operations/build';
import { ContainerRunningError, containerAction, containerLogs, execShell, exportContainer, healthLog, removeContainer } from '../../../client/src/engine/operations/containers';
import { parseEnvFile, parsePortMapping, runContainer } from '../../../client/src/engine/operations/run';
import { cleanup, mainEngine, tempDir, testLabels, testState, uniqueName, waitUntil, writeTree } from './support';

describe('containers: run, lifecycle, logs, exec, export, health', function () {
  this.timeout(120_000);
  let engine: EngineConnection;
  const base = testState().baseImage;

  before(async () => {
    engine = await mainEngine();
  });
  after(() => cleanup(engine));

  it('runs detached with a name, env (values and env file), a published port and a volume', async () => {
    const dir = tempDir('run');
    fs.writeFileSync(path.join(dir, 'app.env'), '# settings\nFROM_FILE=file value\nOVERRIDDEN=file\n');
    fs.writeFileSync(path.join(dir, 'shared.txt'), 'from the host');
    const name = uniqueName('run');
    const result = await runContainer(engine, {
      image: base,
      name,
      env: { OVERRIDDEN: 'value', PLAIN: 'x' },
      envFiles: [path.join(dir, 'app.env')],
      ports: [parsePortMapping('0:8080')],
      volumes: [`${dir}:/mnt/host:ro`],
      labels: testLabels(),
      command: ['sh', '-c', 'echo "$FROM_FILE|$OVERRIDDEN|$PLAIN|$(cat /mnt/host/shared.txt)"; httpd -f -p 8080'],
    });
    assert.equal(result.name, name);
    const info = await engine.docker.getContainer(result.id).inspect();
    assert.equal(info.State.Running, true);
    const binding = info.NetworkSettings.Ports['8080/tcp']?.[0];
    assert.equal(binding?.HostIp, '127.0.0.1');
    assert.ok(Number(binding?.HostPort) > 0);
    let text = '';
    await waitUntil('the first log line', async () => {
      text = '';
      await containerLogs(engine, result.id, { onText: (chunk) => (text += chunk) });
      return text.includes('\n');
    });
    assert.equal(text.trim(), 'file value|value|x|from the host');
  });

  it('a run that cannot start (port in use) leaves no container behind', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const name = uniqueName('run-fail');
    try {
      await assert.rejects(runContainer(engine, { image: base, name, ports: [{ containerPort: 80, hostPort: port }], command: ['sleep', '30'], labels: testLabels() }), /already in use|address already in use|port/i);
    } finally {
      blocker.close();
    }
    const left = await engine.docker.listContainers({ all: true, filters: { name: [name] } });
    assert.deepEqual(left, []);
  });

  it('runs interactively: a TTY session echoes input, resizes, and reports the exit code; --rm removes the container', async () => {
    const result = await runContainer(engine, { image: base, name: uniqueName('tty'), interactive: true, autoRemove: true, command: ['sh'], columns: 100, rows: 30, labels: testLabels() });
    const session = result.session!;
    let output = '';
    session.onOutput((text) => (output += text));
    session.write('stty size; echo marker-$((6*7))\n');
    await waitUntil('the shell to answer', () => output.includes('marker-42'));
    assert.match(output, /30 100/);
    await session.resize(120, 40);
    session.write('stty size\n');
    await waitUntil('the new size', () => output.includes('40 120'));
    session.write('exit 7\n');
    assert.equal(await session.exited, 7);
    await waitUntil('--rm to remove the container', async () => (await engine.docker.listContainers({ all: true, filters: { id: [result.id] } })).length === 0);
  });

  it('start, stop, restart and remove (a running one only by force)', async () => {
    const result = await runContainer(engine, { image: base, name: uniqueName('life'), command: ['sleep', '300'], labels: testLabels() });
    const state = async () => (await engine.docker.getContainer(result.id).inspect()).State;
    await containerAction(engine, result.id, 'stop', { timeoutSeconds: 1 });
    assert.equal((await state()).Running, false);
    await containerAction(engine, result.id, 'start');
    assert.equal((await state()).Running, true);
    const startedAt = (await state()).StartedAt;
    await containerAction(engine, result.id, 'restart', { timeoutSeconds: 1 });
    assert.notEqual((await state()).StartedAt, startedAt);
    await assert.rejects(removeContainer(engine, result.id), ContainerRunningError);
    await removeContainer(engine, result.id, { force: true });
    assert.deepEqual(await engine.docker.listContainers({ all: true, filters: { id: [result.id] } }), []);
  });

  it('follows logs until stopped, with stdout and stderr apart', async () => {
    const result = await runContainer(engine, { image: base, name: uniqueName('logs'), command: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo out-$i; echo err-$i >&2; sleep 0.2; done'], labels: testLabels() });
    const controller = new AbortController();
    const seen: Array<[string, string]> = [];
    const following = containerLogs(engine, result.id, { follow: true, signal: controller.signal, onText: (text, stream) => seen.push([stream, text]) });
    await waitUntil('three lines on each stream', () => seen.filter(([stream]) => stream === 'stderr').length >= 3 && seen.filter(([stream]) => stream === 'stdout').length >= 3);
    controller.abort();
    await following;
    assert.ok(seen.every(([stream, text]) => (stream === 'stdout' ? /^(out-\d+\n)+$/ : /^(err-\d+\n)+$/).test(text)), JSON.stringify(seen.slice(0, 6)));
  });

  it('opens a shell with exec (TTY) in a running container', async () => {
    const result = await runContainer(engine, { image: base, name: uniqueName('exec'), command: ['sleep', '300'], labels: testLabels() });
    const session = await execShell(engine, result.id, { columns: 90, rows: 20 });
    let output = '';
    session.onOutput((text) => (output += text));
    session.write('echo in-$(hostname | cut -c1-4)-$((2+3)); stty size\n');
    await waitUntil('the exec shell to answer', () => output.includes('-5') && output.includes('20 90'));
    session.write('exit 3\n');
    assert.equal(await session.exited, 3);
    await containerAction(engine, result.id, 'stop', { timeoutSeconds: 0 });
    await assert.rejects(execShell(engine, result.id), /not running/);
  });

  it('exports a container file system to a tar through a temporary file', async () => {
    const result = await runContainer(engine, { image: base, name: uniqueName('export'), command: ['sh', '-c', 'echo exported > /proof'], labels: testLabels() });
    await engine.docker.getContainer(result.id).wait();
    const dir = tempDir('export');
    const target = path.join(dir, 'fs.tar');
    const bytes = await exportContainer(engine, result.id, { target });
    assert.equal(bytes, fs.statSync(target).size);
    assert.equal(spawnSync('tar', ['-xOf', target, 'proof'], { encoding: 'utf8' }).stdout, 'exported\n');
    assert.deepEqual(fs.readdirSync(dir), ['fs.tar']);
  });

  it('reports the health log: starting, then unhealthy with the probe output', async () => {
    const tag = `${uniqueName('health')}:1`;
    await buildImage(engine, {
      contextDir: writeTree({ Dockerfile: `FROM ${base}\nHEALTHCHECK --interval=1s --timeout=1s --retries=2 CMD echo probe-says-no && exit 1\nCMD ["sleep", "300"]\n` }),
      dockerfile: 'Dockerfile',
      tags: [tag],
      labels: testLabels(),
    });
    const result = await runContainer(engine, { image: tag, name: uniqueName('health'), labels: testLabels() });
    const first = await healthLog(engine, result.id);
    assert.ok(['starting', 'unhealthy'].includes(first.status));
    assert.deepEqual(first.test, ['CMD-SHELL', 'echo probe-says-no && exit 1']);
    const report = await waitUntil('the container to turn unhealthy', async () => {
      const health = await healthLog(engine, result.id);
      return health.status === 'unhealthy' ? health : undefined;
    });
    assert.ok(report.failingStreak >= 2);
    assert.equal(report.log[report.log.length - 1]!.exitCode, 1);
    assert.match(report.log[report.log.length - 1]!.output, /probe-says-no/);
    const none = await runContainer(engine, { image: base, name: uniqueName('nohealth'), command: ['sleep', '30'], labels: testLabels() });
    assert.equal((await healthLog(engine, none.id)).status, 'none');
  });

  describe('input parsing', () => {
    it('reads -p mappings', () => {
      assert.deepEqual(parsePortMapping('8080:80'), { containerPort: 80, hostPort: 8080, protocol: 'tcp', hostIp: undefined });
      assert.deepEqual(parsePortMapping('0.0.0.0:53:53/udp'), { containerPort: 53, hostPort: 53, protocol: 'udp', hostIp: '0.0.0.0' });
      assert.deepEqual(parsePortMapping('3000'), { containerPort: 3000, hostPort: undefined, protocol: 'tcp', hostIp: undefined });
      assert.throws(() => parsePortMapping('80:99999'), /out of range/);
      assert.throws(() => parsePortMapping('http'), /not a port mapping/);
    });

    it('reads env files like docker run --env-file', () => {
      assert.deepEqual(parseEnvFile('# c\nA=1\n  B= spaced \nFROM_ENV\nMISSING\n\nC="quoted"', 'f.env', { FROM_ENV: 'env' }), { A: '1', B: ' spaced ', FROM_ENV: 'env', C: '"quoted"' });
      assert.throws(() => parseEnvFile('BAD KEY=1', 'f.env'), /f\.env:1: variable "BAD KEY" contains whitespace/);
    });
  });
});
