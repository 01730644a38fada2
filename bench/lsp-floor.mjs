#!/usr/bin/env node
// How much of what the shared harness (lsp-bench.mjs) times is left for any server to spend.
//
// First our server (dist/server.js) is driven through the harness's sequence once and every list
// of diagnostics it publishes is recorded: for each corpus file when opened, for the generated
// 10,000-line file when opened and after an edit at its end. Then the harness runs, in the same
// invocation, a server that does no work at all and publishes exactly those lists (already
// serialized: bench/support/transportFloorServer.mjs), and our server. The first server's figures
// are the floor: what moving the same messages through the pipe and decoding them in the
// harness's client costs on this machine. A target below its floor cannot be met by any server
// that reports what ours reports; our figure minus the floor is what our server itself adds.
//
//   npm run build && node bench/lsp-floor.mjs [--corpus DIR] [--rounds 3] [--runs 2]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateLspBenchDockerfile, harnessCorpusFiles, root } from './dockerfiles.mjs';

const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const harness = option('bench', process.env.LAYERWISE_LSP_BENCH ?? resolve(root, '../shared/bench/lsp-bench.mjs'));
const corpusDir = option('corpus', resolve(root, '../shared/corpus/real'));
const rounds = option('rounds', '3');
const runs = Number(option('runs', '2'));
const server = join(root, 'dist/server.js');
const floorServer = join(root, 'bench/support/transportFloorServer.mjs');
for (const [what, path] of [['the harness lsp-bench.mjs', harness], ['the corpus', corpusDir], ['dist/server.js (run npm run build)', server]]) {
  if (!existsSync(path)) {
    console.error(`bench/lsp-floor.mjs: ${what} is missing at ${path}`);
    process.exit(2);
  }
}

/** Drives our server over stdio as the harness does, and returns every list it publishes. */
async function capture() {
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  let buffer = Buffer.alloc(0);
  let nextId = 1;
  const pending = new Map();
  const waiters = new Map();
  const send = (message) => {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const separator = buffer.indexOf('\r\n\r\n');
      if (separator < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, separator).toString())[1]);
      if (buffer.length < separator + 4 + length) return;
      const message = JSON.parse(buffer.subarray(separator + 4, separator + 4 + length).toString('utf8'));
      buffer = buffer.subarray(separator + 4 + length);
      if (message.id !== undefined && message.method) {
        send({ jsonrpc: '2.0', id: message.id, result: message.method === 'workspace/configuration' ? (message.params.items ?? []).map(() => null) : null });
      } else if (message.id !== undefined) {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else if (message.method === 'textDocument/publishDiagnostics') {
        waiters.get(message.params.uri)?.(message.params.diagnostics);
        waiters.delete(message.params.uri);
      }
    }
  });
  const request = (method, params) => new Promise((resolvePromise) => {
    const id = nextId++;
    pending.set(id, resolvePromise);
    send({ jsonrpc: '2.0', id, method, params });
  });
  const published = (uri, message) => {
    const wait = new Promise((resolvePromise) => waiters.set(uri, resolvePromise));
    send(message);
    return wait;
  };
  // The harness's client capabilities: the server shapes its diagnostics by them.
  await request('initialize', {
    processId: process.pid, rootUri: null, workspaceFolders: null,
    capabilities: { textDocument: { publishDiagnostics: {}, completion: { completionItem: { snippetSupport: true } }, hover: { contentFormat: ['markdown', 'plaintext'] },
      semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] } } },
  });
  send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  const lists = {};
  for (const path of harnessCorpusFiles(corpusDir)) {
    const uri = pathToFileURL(path).href;
    const text = readFileSync(path, 'utf8');
    lists[uri] = { opened: await published(uri, { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'dockerfile', version: 1, text } } }) };
  }
  const big = generateLspBenchDockerfile(10_000);
  const uri = 'file:///bench/big/Dockerfile';
  const opened = await published(uri, { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'dockerfile', version: 1, text: big } } });
  // Every edit of the harness appends one `RUN echo editN` line: the same findings each time.
  const edited = await published(uri, { jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${big}RUN echo edit2\n` }] } });
  lists[uri] = { opened, edited };
  await Promise.race([request('shutdown', null), new Promise((resolvePromise) => setTimeout(resolvePromise, 2000))]);
  send({ jsonrpc: '2.0', method: 'exit', params: null });
  await new Promise((resolvePromise) => (child.exitCode !== null ? resolvePromise() : child.once('exit', resolvePromise)));
  return lists;
}

const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
const loadBefore = load();
const scratch = mkdtempSync(join(tmpdir(), 'layerwise-floor-'));
try {
  const lists = await capture();
  const capturedFile = join(scratch, 'captured.json');
  writeFileSync(capturedFile, JSON.stringify(lists));
  const edited = lists['file:///bench/big/Dockerfile'].edited;
  const editBytes = Buffer.byteLength(JSON.stringify(edited));
  const results = [];
  for (let run = 0; run < runs; run++) {
    const result = spawnSync(process.execPath, [harness, '--server', `node ${floorServer} ${capturedFile} --stdio`, '--vs', `node ${server} --stdio`, '--corpus', corpusDir, '--rounds', rounds], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
    results.push(JSON.parse(result.stdout));
  }
  const both = (pick) => results.map(({ a, b }) => [pick(a), pick(b)]);
  const row = (metric, pick, target) => {
    const pairs = both(pick);
    const show = (index) => pairs.map((pair) => `${pair[index]}`).join(' / ');
    const added = pairs.map(([floor, ours]) => (ours - floor).toFixed(2)).join(' / ');
    return `| ${metric} | ${show(0)} | ${show(1)} | ${added} | ${target} |`;
  };
  console.log(`\nthe 10,000-line file after an edit: ${edited.length} diagnostics, ${(editBytes / 1e6).toFixed(2)} MB per publication`);
  console.log(`the floor: a server that does no work and publishes the same lists, in the same harness run (${runs} run${runs === 1 ? '' : 's'}, figures per run)`);
  console.log('| metric | floor (no work) | ours | ours − floor | target |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(row('diagnostics after an edit at the end of 10,000 lines, p50 (ms)', (side) => side.big10k.edit_diagnostics_ms_p50, '< 15 ms'));
  console.log(row('completion p99 (ms)', (side) => side.completion_ms.p99, '≤ ¼ of rcjsuen (bench/lsp.mjs)'));
  console.log(row('completion p50 (ms)', (side) => side.completion_ms.p50, ''));
  console.log(row('didOpen → diagnostics, the whole corpus (ms)', (side) => side.open_diagnostics_ms.total_wall, '≤ rcjsuen (bench/lsp.mjs)'));
  console.log(row('open of the 10,000-line file → diagnostics (ms)', (side) => side.big10k.open_diagnostics_ms, ''));
  console.log(`\nmachine load (1, 5, 15 min): before ${loadBefore}, after ${load()}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
