// Shared pieces of the operations engine tests, on top of test/engine/support: context folders,
// cleanup of what this run created (names carry the run id), and a look at host processes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EngineConnection } from '../../../client/src/engine/connection';
import { RUN_ID, testEngine } from '../support';

export { testState, uniqueName, waitFor as waitUntil, registryCredentials, openRegistryAddress, docker, testLabels, RUN_ID } from '../support';

/** The shared connection to the main engine (closed by the support root hook). */
export function mainEngine(): Promise<EngineConnection> {
  return testEngine('main');
}

const namePrefix = 'layerwise-test-ops';

export function tempDir(what: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${namePrefix}-${what}-`));
}

/** Writes files (relative path → content) under a new temporary folder. */
export function writeTree(files: Record<string, string | Buffer>): string {
  const root = tempDir('ctx');
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return root;
}

/** Removes the images and containers this run created (their names carry the run id). */
export async function cleanup(engine: EngineConnection, extraImages: string[] = []): Promise<void> {
  const containers = await engine.docker.listContainers({ all: true });
  for (const container of containers) {
    if (container.Names.some((name) => name.includes(RUN_ID)) || container.Labels?.['layerwise-test'] === RUN_ID) {
      await engine.docker.getContainer(container.Id).remove({ force: true, v: true }).catch(() => undefined);
    }
  }
  const images = await engine.docker.listImages({ all: false });
  for (const image of images) {
    for (const tag of image.RepoTags ?? []) {
      if (tag.includes(RUN_ID)) await engine.docker.getImage(tag).remove({ force: true }).catch(() => undefined);
    }
  }
  for (const reference of extraImages) await engine.docker.getImage(reference).remove({ force: true }).catch(() => undefined);
}

/** Host processes whose command line contains `marker` (to see that a build step really stopped). */
export function processesWith(marker: string): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmdline.includes(marker) && Number(pid) !== process.pid) found.push(`${pid}: ${cmdline}`);
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}
