#!/usr/bin/env node
// Where the time of "diagnostics after an edit" and of completion goes, for our server and
// rcjsuen's in the same run: the shared harness (lsp-bench.mjs) times an edit from the moment it
// sends the new text until it has parsed the server's publishDiagnostics; this splits that into
//   to server   the edit travelling through the pipe until the server's first read of it,
//   read        the server reading the rest of the (full-text) change,
//   work        from the last chunk read to the first byte written back: the server's own time,
//   back        the diagnostics travelling back and being parsed by the client.
// Completion requests are split the same way (to server, work, back), at the harness's 400 seeded
// positions in the corpus (its seed and generator), hover between them as there.
// The sequence is the harness's: open the real-Dockerfile corpus, completion and hover, open its
// generated 10,000-line file, then ten edits that each append a line, sending the full text.
// The CPU time of every thread of both processes during the rounds is read from /proc (Linux).
// Each server runs as `node -r bench/support/ioTimeline.cjs SERVER --stdio`, which only timestamps
// its reads, writes and garbage-collection pauses.
//
//   npm run build && node bench/lsp-timeline.mjs [--corpus DIR] [--edits 10] [--rounds 3] [--only ours]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateLspBenchDockerfile, harnessCorpusFiles, root } from './dockerfiles.mjs';

const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const corpusDir = option('corpus', resolve(root, '../shared/corpus/real'));
const editCount = Number(option('edits', '10'));
const rounds = Number(option('rounds', '3'));
const servers = [
  ['ours', join(root, 'dist/server.js')],
  ['rcjsuen', join(root, 'node_modules/dockerfile-language-server-nodejs/lib/server.js')],
].filter(([name]) => !option('only') || option('only') === name);
for (const [name, path] of servers) {
  if (!existsSync(path)) {
    console.error(`bench/lsp-timeline.mjs: ${name}'s server is missing at ${path}${name === 'ours' ? ' (run npm run build)' : ''}`);
    process.exit(2);
  }
}

const now = () => performance.timeOrigin + performance.now();
const percentile = (values, fraction) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] : NaN;
};
const median = (values) => percentile(values, 0.5);

/** Per thread of a process: [ms on a CPU, ms runnable but waiting for one] (Linux's schedstat; {} elsewhere). */
function threadTimes(pid) {
  const times = {};
  try {
    for (const thread of readdirSync(`/proc/${pid}/task`)) {
      const [run, wait] = readFileSync(`/proc/${pid}/task/${thread}/schedstat`, 'latin1').split(' ').map(Number);
      times[thread] = [run / 1e6, wait / 1e6];
    }
  } catch {
    // Not Linux, or the thread ended between the listing and the read.
  }
  return times;
}

/** What the main thread and the other threads (V8's compiler and collector helpers) ran and waited between two readings. */
function threadShares(before, after, pid) {
  const shares = { mainRun: 0, mainWait: 0, helpersRun: 0 };
  for (const [thread, [run, wait]] of Object.entries(after)) {
    const [run0, wait0] = before[thread] ?? [0, 0];
    if (Number(thread) === pid) {
      shares.mainRun = run - run0;
      shares.mainWait = wait - wait0;
    } else shares.helpersRun += run - run0;
  }
  return shares;
}

/** The harness's completion positions: its generator and seed, over the same sorted file list. */
function harnessPositions(files, count = 400) {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const positions = [];
  for (let index = 0; index < count; index++) {
    const file = files[Math.floor(random() * files.length)];
    const lines = file.text.split('\n');
    const line = Math.floor(random() * lines.length);
    const character = random() < 0.5 ? lines[line].length : Math.floor(random() * (lines[line].length + 1));
    positions.push({ uri: file.uri, position: { line, character } });
  }
  return positions;
}

/** A JSON-RPC client over the server's stdio, framed like the harness's (no packages). */
class Client {
  constructor(script, timelineFile) {
    this.process = spawn(process.execPath, ['-r', join(root, 'bench/support/ioTimeline.cjs'), script, '--stdio'], {
      stdio: ['pipe', 'pipe', 'ignore'],
      env: { ...process.env, LAYERWISE_TIMELINE_FILE: timelineFile },
    });
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    this.pending = new Map();
    this.diagnosticWaiters = new Map();
    this.process.stdout.on('data', (chunk) => this.receive(chunk));
  }

  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const separator = this.buffer.indexOf('\r\n\r\n');
      if (separator < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, separator).toString())[1]);
      if (this.buffer.length < separator + 4 + length) return;
      const body = this.buffer.subarray(separator + 4, separator + 4 + length);
      this.buffer = this.buffer.subarray(separator + 4 + length);
      const parseStart = now();
      const message = JSON.parse(body.toString('utf8'));
      const parsedAt = now();
      if (message.id !== undefined && message.method) {
        this.send({ jsonrpc: '2.0', id: message.id, result: message.method === 'workspace/configuration' ? (message.params.items ?? []).map(() => null) : null });
      } else if (message.id !== undefined) {
        this.pending.get(message.id)?.(message.result);
        this.pending.delete(message.id);
      } else if (message.method === 'textDocument/publishDiagnostics') {
        const waiter = this.diagnosticWaiters.get(message.params.uri);
        this.diagnosticWaiters.delete(message.params.uri);
        waiter?.({ at: parsedAt, parse: parsedAt - parseStart, bytes: length, count: message.params.diagnostics.length });
      }
    }
  }

  send(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.process.stdin.write(body);
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolvePromise) => {
      this.pending.set(id, (result) => {
        // When the answer was parsed: the awaiting code runs a microtask later.
        this.answeredAt = now();
        resolvePromise(result);
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  diagnostics(uri) {
    return new Promise((resolvePromise) => this.diagnosticWaiters.set(uri, resolvePromise));
  }

  async stop() {
    await Promise.race([this.request('shutdown', null), new Promise((resolvePromise) => setTimeout(resolvePromise, 2000))]);
    this.send({ jsonrpc: '2.0', method: 'exit', params: null });
    await new Promise((resolvePromise) => {
      if (this.process.exitCode !== null) resolvePromise();
      else this.process.once('exit', resolvePromise);
    });
  }
}

async function timeline(script) {
  const scratch = mkdtempSync(join(tmpdir(), 'layerwise-timeline-'));
  const timelineFile = join(scratch, 'timeline.json');
  const client = new Client(script, timelineFile);
  await client.request('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: { textDocument: { publishDiagnostics: {} } } });
  client.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  const files = harnessCorpusFiles(corpusDir).map((path) => ({ uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') }));
  for (const { uri, text } of files) {
    const wait = client.diagnostics(uri);
    client.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'dockerfile', version: 1, text } } });
    await wait;
  }
  const completions = [];
  const threadsBefore = { server: threadTimes(client.process.pid), client: threadTimes(process.pid) };
  const positions = files.length > 0 ? harnessPositions(files) : [];
  for (let round = 0; round < rounds; round++) {
    for (const point of positions) {
      const sent = now();
      await client.request('textDocument/completion', { textDocument: { uri: point.uri }, position: point.position });
      completions.push({ sent, at: client.answeredAt });
      await client.request('textDocument/hover', { textDocument: { uri: point.uri }, position: point.position });
    }
  }
  const cpu = { server: threadShares(threadsBefore.server, threadTimes(client.process.pid), client.process.pid), client: threadShares(threadsBefore.client, threadTimes(process.pid), process.pid) };
  const big = generateLspBenchDockerfile(10_000);
  const uri = 'file:///bench/big/Dockerfile';
  let wait = client.diagnostics(uri);
  client.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'dockerfile', version: 1, text: big } } });
  await wait;
  const edits = [];
  for (let version = 2; version < 2 + editCount; version++) {
    wait = client.diagnostics(uri);
    const sent = now();
    client.send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [{ text: `${big}RUN echo edit${version}\n` }] } });
    edits.push({ sent, ...(await wait) });
  }
  await client.stop();
  const events = JSON.parse(readFileSync(timelineFile, 'utf8'));
  rmSync(scratch, { recursive: true, force: true });
  const requests = completions.map(({ sent, at }) => {
    const read = events.reads.find(([time]) => time >= sent)?.[0] ?? sent;
    const written = events.writes.find((time) => time >= read) ?? at;
    const gc = events.gcs.filter(([start, duration]) => start < at && start + duration > sent).reduce((sum, [, duration]) => sum + duration, 0);
    return { total: at - sent, toServer: read - sent, work: written - read, back: at - written, gc };
  });
  const editRows = edits.map(({ sent, at, parse, bytes, count }) => {
    const reads = events.reads.filter(([time]) => time >= sent && time <= at).map(([time]) => time);
    const firstWrite = events.writes.find((time) => time >= (reads.at(-1) ?? sent));
    const gc = events.gcs.filter(([start]) => start >= sent && start <= at).reduce((sum, [, duration]) => sum + duration, 0);
    return {
      total: at - sent,
      toServer: reads[0] - sent,
      read: reads.at(-1) - reads[0],
      work: firstWrite - reads.at(-1),
      back: at - firstWrite,
      parse,
      gc,
      bytes,
      count,
    };
  });
  return { edits: editRows, requests, cpu };
}

const loadBefore = loadavg().map((value) => value.toFixed(2)).join(' ');
const columns = ['total', 'toServer', 'read', 'work', 'back', 'parse', 'gc'];
const heads = ['total', 'to server', 'read', 'work', 'back', 'client parse', 'server GC'];
const summary = [];
const completionSummary = [];
const cpuSummary = [];
for (const [name, script] of servers) {
  const { edits: rows, requests, cpu } = await timeline(script);
  if (Object.keys(cpu.server).length > 0 && requests.length > 0) {
    const f = (value) => value.toFixed(0);
    cpuSummary.push(`| ${name} | ${f(cpu.server.mainRun)} / ${f(cpu.server.mainWait)} | ${f(cpu.server.helpersRun)} | ${f(cpu.client.mainRun)} / ${f(cpu.client.mainWait)} | ${f(cpu.client.helpersRun)} |`);
  }
  if (requests.length > 0) {
    // The slowest 1%: what made them slow (the p99 is the first of them).
    const slowest = [...requests].sort((a, b) => b.total - a.total).slice(0, Math.max(1, Math.ceil(requests.length / 100)));
    const share = (key) => slowest.reduce((sum, request) => sum + request[key], 0) / slowest.reduce((sum, request) => sum + request.total, 0);
    completionSummary.push(`| ${name} | ${requests.length} | ${percentile(requests.map((r) => r.total), 0.5).toFixed(2)} | ${percentile(requests.map((r) => r.total), 0.99).toFixed(2)} | ${percentile(requests.map((r) => r.work), 0.99).toFixed(2)} | ${(100 * share('toServer')).toFixed(0)}% / ${(100 * share('work')).toFixed(0)}% / ${(100 * share('back')).toFixed(0)}% | ${slowest.filter((r) => r.gc > 0).length} of ${slowest.length} |`);
  }
  console.log(`\n${name}: ${rows[0].count} diagnostics, ${(rows[0].bytes / 1e6).toFixed(2)} MB per publishDiagnostics; ms per edit`);
  console.log(`| edit | ${heads.join(' | ')} |`);
  console.log(`| --- | ${heads.map(() => '---').join(' | ')} |`);
  rows.forEach((row, index) => console.log(`| ${index + 1} | ${columns.map((column) => row[column].toFixed(1)).join(' | ')} |`));
  const medians = columns.map((column) => median(rows.map((row) => row[column])));
  console.log(`| median | ${medians.map((value) => value.toFixed(1)).join(' | ')} |`);
  summary.push([name, medians]);
}
if (completionSummary.length > 0) {
  console.log(`\ncompletion at the harness's positions (ms); the slowest 1%: share of their time spent reaching the server / in the server / coming back, and how many overlap a server GC pause`);
  console.log('| server | requests | p50 | p99 | server work p99 | slowest 1%: to server / work / back | with a GC pause |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const row of completionSummary) console.log(row);
}
if (cpuSummary.length > 0) {
  // A thread that waits for a CPU while the other threads of either process run is what the slowest
  // requests are made of on a two-core machine: the helpers' share says how much of that is V8's.
  console.log(`\nCPU time during the completion and hover rounds (ms; Linux schedstat): run / waiting for a CPU`);
  console.log('| server | server main thread | server helper threads (V8) | client main thread | client helper threads |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const row of cpuSummary) console.log(row);
}
console.log(`\nedit medians (ms): ${summary.map(([name, medians]) => `${name}: total ${medians[0].toFixed(1)}, server work ${medians[3].toFixed(1)}, back ${medians[4].toFixed(1)}`).join('; ')}`);
console.log(`machine load (1, 5, 15 min): before ${loadBefore}, after ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
