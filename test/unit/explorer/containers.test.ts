// Shaping the Containers view: compose groups, health (sort, group, icons, tooltip), ports.
import { strict as assert } from 'node:assert';
import { toContainerDetails, toContainerSummary, type ContainerSummary } from '../../../client/src/engine';
import { containerChildren, containerDetailsTooltip, shapeContainers, DEFAULT_CONTAINER_VIEW_OPTIONS, type ContainerViewOptions } from '../../../client/src/explorer/shape/containers';
import type { ContainerGroupNode, ContainerNode } from '../../../client/src/explorer/shape/nodes';

const NOW = 1_700_000_000;

function container(name: string, state: string, status: string, extra: Record<string, unknown> = {}): ContainerSummary {
  return toContainerSummary({ Id: `${name}-id-0000000000`, Names: [`/${name}`], Image: 'busybox:1.36', State: state, Status: status, Created: NOW - name.length * 60, Labels: {}, Ports: [], ...extra });
}

const containers = [
  container('web', 'running', 'Up 5 minutes (healthy)', { Labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web' }, Ports: [{ PrivatePort: 80, PublicPort: 8080, IP: '0.0.0.0', Type: 'tcp' }, { PrivatePort: 80, PublicPort: 8080, IP: '::', Type: 'tcp' }] }),
  container('db', 'running', 'Up 5 minutes (unhealthy)', { Labels: { 'com.docker.compose.project': 'shop' } }),
  container('worker', 'running', 'Up 3 seconds (health: starting)'),
  container('job', 'exited', 'Exited (1) 2 minutes ago'),
  container('fresh', 'created', 'Created'),
];

function shape(options: Partial<ContainerViewOptions> = {}) {
  return shapeContainers(containers, { ...DEFAULT_CONTAINER_VIEW_OPTIONS, ...options }, NOW);
}

const labels = (nodes: ReadonlyArray<{ label: string }>) => nodes.map((node) => node.label);

describe('containers view shaping', () => {
  it('groups compose projects, the others at the top level; group description counts running and unhealthy', () => {
    const roots = shape();
    assert.deepEqual(labels(roots), ['shop', 'job', 'fresh', 'worker'], 'newest first by default');
    const shop = roots[0] as ContainerGroupNode;
    assert.equal(shop.contextValue, 'container.group');
    assert.equal(shop.description, '2/2 running · 1 unhealthy');
  });

  it('sorts by health, worst first, so unhealthy containers are on top', () => {
    assert.deepEqual(labels(shape({ groupBy: 'none', sortBy: 'health' })), ['db', 'worker', 'web', 'fresh', 'job']);
  });

  it('groups by health', () => {
    const roots = shape({ groupBy: 'health' }) as ContainerGroupNode[];
    assert.deepEqual(labels(roots), ['Unhealthy', 'Health: starting', 'Healthy', 'No health check']);
    assert.deepEqual(labels(roots[0]!.children), ['db']);
  });

  it('state icons and contextValues', () => {
    const byName = new Map((shape({ groupBy: 'none' }) as ContainerNode[]).map((node) => [node.label, node]));
    assert.deepEqual(byName.get('db')!.icon, { id: 'warning', color: 'problemsErrorIcon.foreground' });
    assert.equal(byName.get('worker')!.icon?.id, 'loading~spin');
    assert.equal(byName.get('web')!.icon?.id, 'pass-filled');
    assert.deepEqual(byName.get('job')!.icon, { id: 'vm-outline', color: 'charts.red' }, 'a non-zero exit shows red');
    assert.equal(byName.get('db')!.contextValue, 'container.running');
    assert.equal(byName.get('job')!.contextValue, 'container.stopped');
    assert.equal(byName.get('fresh')!.contextValue, 'container.stopped');
    assert.equal(byName.get('db')!.description, 'busybox:1.36 · Up 5 minutes (unhealthy)');
  });

  it('published ports are children, once per port, as links', () => {
    const web = (shape({ groupBy: 'none' }) as ContainerNode[]).find((node) => node.label === 'web')!;
    assert.equal(web.collapsible, 'collapsed');
    const ports = containerChildren(web.container);
    assert.deepEqual(ports.map((port) => [port.label, port.description, port.url, port.contextValue]), [['localhost:8080', '→ 80/tcp', 'http://localhost:8080', 'container.port']]);
  });

  it('filters by name, image, project, status or health', () => {
    assert.deepEqual(labels(shape({ filter: 'unhealthy', groupBy: 'none' })), ['db']);
    assert.deepEqual(labels(shape({ filter: 'SHOP' })), ['shop']);
  });

  it('the inspected tooltip shows the failing streak and the last probe\'s output and exit code', () => {
    const details = toContainerDetails({
      Id: 'db-id',
      Name: '/db',
      RestartCount: 0,
      State: { Health: { Status: 'unhealthy', FailingStreak: 4, Log: [{ Start: 's', End: '2026-11-27T10:00:00.123Z', ExitCode: 0, Output: 'ok' }, { Start: 's', End: '2026-11-27T10:00:05.456Z', ExitCode: 3, Output: 'db not ready\n' }] } },
    });
    const tooltip = containerDetailsTooltip(containers[1]!, details, NOW);
    assert.match(tooltip, /\*\*Health: unhealthy\*\* — failing streak 4/);
    assert.match(tooltip, /Last probe: exit code 3 at 2026-11-27T10:00:05Z/);
    assert.match(tooltip, /```text\ndb not ready\n```/);
  });
});
