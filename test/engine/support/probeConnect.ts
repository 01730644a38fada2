// Run as another user by tests (permission denied needs a non-root process): connects to the
// host given as argument and prints `{ ok }` or the EngineError's kind and message as JSON.
import { EngineConnection, EngineError, parseHost } from '../../../client/src/engine';

async function main(): Promise<void> {
  const host = process.argv[2] ?? 'unix:///var/run/docker.sock';
  try {
    const engine = await EngineConnection.open(parseHost(host, { source: 'setting' }), { timeoutMs: 10_000 });
    engine.dispose();
    process.stdout.write(JSON.stringify({ ok: true }));
  } catch (error) {
    process.stdout.write(JSON.stringify(error instanceof EngineError ? { ok: false, kind: error.kind, message: error.message } : { ok: false, message: String(error) }));
  }
}
void main();
