// A language server that does no work: the floor under what bench/lsp-floor.mjs times.
//
//   node bench/support/transportFloorServer.mjs CAPTURED.json --stdio
//
// CAPTURED.json holds, per document URI, the diagnostics our server published for it when
// opened and after an edit (bench/lsp-floor.mjs records them). Each list is serialized once, at
// start-up; afterwards a didOpen or didChange is only read (JSON.parse, which any server must
// do to learn the URI) and answered with the stored bytes. Requests are answered with null.
// What the harness measures against this server is therefore what the pipe, the message framing
// and the client's decoding of the same payload cost on this machine, and nothing else.
import { readFileSync } from 'node:fs';

const captured = JSON.parse(readFileSync(process.argv[2], 'utf8'));
/** uri → [the serialized list for its first version, the serialized list for later versions] */
const lists = new Map(Object.entries(captured).map(([uri, { opened, edited }]) => [uri, [JSON.stringify(opened), JSON.stringify(edited ?? opened)]]));

function write(body) {
  process.stdout.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

function answer(message) {
  const { method, id, params } = message;
  if (method === 'initialize') {
    write(JSON.stringify({ jsonrpc: '2.0', id, result: { capabilities: { textDocumentSync: 1, completionProvider: {}, hoverProvider: true } } }));
  } else if (method === 'exit') {
    process.exit(0);
  } else if (id !== undefined) {
    write(JSON.stringify({ jsonrpc: '2.0', id, result: null }));
  } else if (method === 'textDocument/didOpen' || method === 'textDocument/didChange') {
    const { uri, version } = params.textDocument;
    const stored = lists.get(uri);
    const list = stored ? stored[method === 'textDocument/didOpen' ? 0 : 1] : '[]';
    write(`{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":${JSON.stringify(uri)},"version":${version},"diagnostics":${list}}}`);
  }
}

let buffer = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
  for (;;) {
    const separator = buffer.indexOf('\r\n\r\n');
    if (separator < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, separator).toString('latin1'))[1]);
    if (buffer.length < separator + 4 + length) return;
    const body = buffer.subarray(separator + 4, separator + 4 + length).toString('utf8');
    buffer = buffer.subarray(separator + 4 + length);
    answer(JSON.parse(body));
  }
});
process.stdin.on('end', () => process.exit(0));
