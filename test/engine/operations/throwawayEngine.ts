// A dockerd of our own (its own socket, data root, exec root, containerd and bridge) that a test
// may kill mid-operation without disturbing the engines other tests share. Its bridge has its own
// name and subnet: `--bridge none` would make dockerd delete the host's docker0.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EngineConnection } from '../../../client/src/engine/connection';
import { parseHost } from '../../../client/src/engine/endpoint';
import { tempDir, testState, waitUntil } from './support';

const bridgeName = 'lwops0';
const bridgeCidr = '172.30.253.1/24';

export interface ThrowawayEngine {
  readonly host: string;
  readonly connection: EngineConnection;
  /** SIGKILLs dockerd and its containerd at once (a crash, not a clean shutdown). */
  kill(): Promise<void>;
  /** Stops everything and removes the data root. */
  dispose(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startThrowawayEngine(): Promise<ThrowawayEngine> {
  if (process.getuid?.() !== 0) throw new Error('The throwaway engine needs root (dockerd).');
  const root = tempDir('dockerd');
  const socket = path.join(root, 'docker.sock');
  if (spawnSync('ip', ['link', 'show', bridgeName]).status !== 0) {
    // dockerd refuses --bridge with --bip: the bridge carries its own address.
    for (const args of [['link', 'add', bridgeName, 'type', 'bridge'], ['addr', 'add', bridgeCidr, 'dev', bridgeName], ['link', 'set', bridgeName, 'up']]) {
      const result = spawnSync('ip', args, { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`ip ${args.join(' ')} failed: ${result.stderr}`);
    }
  }
  const log = fs.openSync(path.join(root, 'dockerd.log'), 'w');
  const child: ChildProcess = spawn(
    'dockerd',
    [
      '--data-root', path.join(root, 'data'), '--exec-root', path.join(root, 'exec'), '--pidfile', path.join(root, 'dockerd.pid'),
      '--host', `unix://${socket}`, '--bridge', bridgeName, '--iptables=false', '--ip-masq=false', '--userland-proxy=false',
    ],
    { detached: true, stdio: ['ignore', log, log] },
  );
  const pid = child.pid!;
  const host = `unix://${socket}`;
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  const containerdPid = () => {
    try {
      return Number(fs.readFileSync(path.join(root, 'exec', 'containerd', 'containerd.pid'), 'utf8'));
    } catch {
      return undefined;
    }
  };
  const stopAll = async (signal: NodeJS.Signals) => {
    const containerd = containerdPid();
    killGroup(signal);
    if (containerd && alive(containerd)) process.kill(containerd, signal);
    await waitUntil('the throwaway engine to exit', () => !alive(pid) && !(containerd && alive(containerd)), 30_000);
  };
  try {
    await waitUntil('the throwaway dockerd to answer', () => {
      if (!alive(pid)) throw new Error(`dockerd exited: ${fs.readFileSync(path.join(root, 'dockerd.log'), 'utf8').slice(-2000)}`);
      return spawnSync('/usr/bin/docker', ['-H', host, 'version', '--format', '{{.Server.APIVersion}}']).status === 0;
    }, 60_000);
    const state = testState();
    const rootfs = path.join(state.stateDir, 'busybox-rootfs.tar');
    const imported = spawnSync('/usr/bin/docker', ['-H', host, 'import', '--change', 'CMD ["sh"]', rootfs, state.baseImage], { encoding: 'utf8' });
    if (imported.status !== 0) throw new Error(`importing the base image into the throwaway engine failed: ${imported.stderr}`);
  } catch (error) {
    await stopAll('SIGKILL').catch(() => undefined);
    fs.rmSync(root, { recursive: true, force: true });
    spawnSync('ip', ['link', 'del', bridgeName]);
    throw error;
  }
  const connection = await EngineConnection.open(parseHost(host, { source: 'setting' }), { timeoutMs: 30_000 });
  return {
    host,
    connection,
    kill: () => stopAll('SIGKILL'),
    dispose: async () => {
      connection.dispose();
      if (alive(pid)) await stopAll('SIGTERM').catch(() => stopAll('SIGKILL'));
      // Overlay mounts of a killed engine may linger under the data root.
      spawnSync('sh', ['-c', `grep -o '${root}[^ ]*' /proc/mounts | sort -r | xargs -r -n1 umount -l`]);
      fs.rmSync(root, { recursive: true, force: true });
      spawnSync('ip', ['link', 'del', bridgeName]);
    },
  };
}
