// Names and labels for what engine tests create, so cleanup (and a human) can find it.
import { randomBytes } from 'node:crypto';

/** Every object a test creates carries this label (value: the run id). */
export const TEST_LABEL = 'layerwise-test';
export const RUN_ID = `${process.pid}-${Date.now().toString(36)}`;

let counter = 0;

/** `layerwise-test-<purpose>-<unique>`: lowercase, valid as container name and image repository. */
export function uniqueName(purpose: string): string {
  counter += 1;
  const safe = purpose.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
  return `layerwise-test-${safe}-${RUN_ID}-${counter}-${randomBytes(2).toString('hex')}`;
}

export function testLabels(extra: Record<string, string> = {}): Record<string, string> {
  return { [TEST_LABEL]: RUN_ID, ...extra };
}
