// Removes what a test created, even when it failed: register each object as it is created,
// `useCleanup()` removes them after each test (containers first, then images).
import { docker } from './cli';
import { TEST_LABEL } from './names';
import { testState } from './state';

export class Cleanup {
  private containers: Array<{ id: string; host?: string }> = [];
  private images: Array<{ ref: string; host?: string }> = [];
  private others: Array<() => Promise<void> | void> = [];

  container(id: string, host?: string): string {
    this.containers.push({ id, host });
    return id;
  }

  image(ref: string, host?: string): string {
    this.images.push({ ref, host });
    return ref;
  }

  /** Anything else to undo (restore an env variable, stop a helper process). Runs first, last-in first-out. */
  add(undo: () => Promise<void> | void): void {
    this.others.push(undo);
  }

  async run(): Promise<void> {
    const failures: string[] = [];
    const attempt = async (what: string, work: () => Promise<unknown> | unknown) => {
      try {
        await work();
      } catch (error) {
        const message = (error as Error).message;
        if (!/No such (container|image)/i.test(message)) failures.push(`${what}: ${message}`);
      }
    };
    for (const undo of this.others.splice(0).reverse()) await attempt('undo', undo);
    for (const { id, host } of this.containers.splice(0)) await attempt(`remove container ${id}`, () => docker(['rm', '-f', '-v', id], { host }));
    for (const { ref, host } of this.images.splice(0).reverse()) await attempt(`remove image ${ref}`, () => docker(['rmi', '-f', ref], { host }));
    if (failures.length > 0) throw new Error(`cleanup failed:\n${failures.join('\n')}`);
  }
}

/** A Cleanup emptied after each test of the enclosing describe. */
export function useCleanup(): Cleanup {
  const cleanup = new Cleanup();
  afterEach(() => cleanup.run());
  return cleanup;
}

/** Removes every container and image labelled layerwise-test on an engine (what a crashed run left). */
export async function removeLabelled(host = testState().main.host): Promise<void> {
  const containers = (await docker(['ps', '-aq', '--filter', `label=${TEST_LABEL}`], { host })).split('\n').filter(Boolean);
  if (containers.length > 0) await docker(['rm', '-f', '-v', ...containers], { host });
  const images = (await docker(['images', '-q', '--filter', `label=${TEST_LABEL}`], { host })).split('\n').filter(Boolean);
  if (images.length > 0) await docker(['rmi', '-f', ...new Set(images)], { host }).catch(() => undefined);
}
