// One operation through our code, in a process of its own so its peak memory is its own:
//   node probe.cjs save   <host> <image> <file>
//   node probe.cjs load   <host> <file>
//   node probe.cjs push   <host> <reference> <registry> <user>     (password on stdin)
// Prints one JSON line: { ms, maxRssMb, detail }.
import { EngineConnection } from '../client/src/engine/connection';
import { parseHost } from '../client/src/engine/endpoint';
import { pushImage } from '../client/src/engine/operations/registry';
import { loadImages, saveImages } from '../client/src/engine/operations/saveLoad';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8').trim();
}

async function main(): Promise<void> {
  const [operation, host, ...rest] = process.argv.slice(2);
  if (!operation || !host) throw new Error('usage: probe save|load|push <host> …');
  const engine = await EngineConnection.open(parseHost(host, { source: 'setting' }), { timeoutMs: 60_000 });
  const started = process.hrtime.bigint();
  let detail: unknown;
  try {
    switch (operation) {
      case 'save':
        detail = await saveImages(engine, { images: [rest[0]!], target: rest[1]!, overwrite: true });
        break;
      case 'load':
        detail = await loadImages(engine, { source: rest[0]! });
        break;
      case 'push': {
        const password = await readStdin();
        detail = await pushImage(engine, { reference: rest[0]!, credentials: { serveraddress: rest[1]!, username: rest[2]!, password, source: 'layerwise-login' } });
        break;
      }
      default:
        throw new Error(`unknown operation ${operation}`);
    }
  } finally {
    engine.dispose();
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(`${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, detail })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
