// Which engine events refresh which view; health-probe execs must refresh nothing.
import { strict as assert } from 'node:assert';
import type { EngineEvent } from '../../../client/src/engine';
import { refreshScopeOf } from '../../../client/src/explorer/refreshScope';

const event = (type: string, action: string): EngineEvent => ({ type, action, id: 'x', attributes: {}, time: 0 });

describe('refresh scope of engine events', () => {
  const cases: Array<[string, string, boolean, boolean]> = [
    ['image', 'tag', true, false],
    ['image', 'untag', true, false],
    ['image', 'delete', true, false],
    ['image', 'load', true, false],
    ['image', 'push', false, false],
    ['image', 'save', false, false],
    ['container', 'start', false, true],
    ['container', 'die', false, true],
    ['container', 'destroy', false, true],
    ['container', 'health_status: unhealthy', false, true],
    ['container', 'commit', true, false],
    ['container', 'exec_create: sh -c wget -q localhost', false, false],
    ['container', 'exec_start: sh -c wget -q localhost', false, false],
    ['container', 'exec_die', false, false],
    ['container', 'attach', false, false],
    ['network', 'connect', false, false],
  ];
  for (const [type, action, images, containers] of cases) {
    it(`${type} ${action}`, () => assert.deepEqual(refreshScopeOf(event(type, action)), { images, containers }));
  }
});
