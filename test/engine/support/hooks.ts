// Root hooks of the engine tier: close shared connections and sweep labelled leftovers of this run.
import { closeTestEngines } from './engine';
import { docker } from './cli';
import { TEST_LABEL, RUN_ID } from './names';

export const mochaHooks = {
  async afterAll(): Promise<void> {
    await closeTestEngines();
    // Anything a test forgot to register with Cleanup, labelled by this run.
    const containers = (await docker(['ps', '-aq', '--filter', `label=${TEST_LABEL}=${RUN_ID}`]).catch(() => '')).split('\n').filter(Boolean);
    if (containers.length > 0) await docker(['rm', '-f', '-v', ...containers]).catch(() => undefined);
  },
};
