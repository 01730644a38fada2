// Containers, grouped by compose project (or state, health, image), with state and health icons
// and published ports as children. Health comes from the list payload; the tooltip's probe log
// comes from one inspect when the user hovers (see containerDetailsTooltip).
import type { ContainerDetails, ContainerSummary, HealthStatus } from '../../engine';
import { code, formatAge, formatDate, shortId, truncate } from './format';
import type { ContainerGroupNode, ContainerNode, ContainersViewNode, NodeIcon, PortNode } from './nodes';

export type ContainerGroupBy = 'composeProject' | 'state' | 'health' | 'image' | 'none';
export type ContainerSortBy = 'name' | 'created' | 'state' | 'health';

export interface ContainerViewOptions {
  readonly groupBy: ContainerGroupBy;
  readonly sortBy: ContainerSortBy;
  /** Case-insensitive text matched against names, images, ids, compose project and status. */
  readonly filter: string;
}

export const DEFAULT_CONTAINER_VIEW_OPTIONS: ContainerViewOptions = { groupBy: 'composeProject', sortBy: 'created', filter: '' };

/** Worst first: what needs attention sorts to the top. */
const HEALTH_RANK: Record<HealthStatus, number> = { unhealthy: 0, starting: 1, healthy: 2, none: 3 };
const STATE_RANK: Record<string, number> = { restarting: 0, running: 1, paused: 2, created: 3, exited: 4, dead: 5, removing: 6, unknown: 7 };

const HEALTH_TITLE: Record<HealthStatus, string> = { unhealthy: 'Unhealthy', starting: 'Health: starting', healthy: 'Healthy', none: 'No health check' };

export function containerContextValue(container: ContainerSummary): string {
  switch (container.state) {
    case 'running':
      return 'container.running';
    case 'paused':
      return 'container.paused';
    case 'restarting':
      return 'container.restarting';
    default:
      return 'container.stopped';
  }
}

export function containerIcon(container: ContainerSummary): NodeIcon {
  if (container.state === 'running') {
    switch (container.health) {
      case 'unhealthy':
        return { id: 'warning', color: 'problemsErrorIcon.foreground' };
      case 'starting':
        return { id: 'loading~spin', color: 'problemsWarningIcon.foreground' };
      case 'healthy':
        return { id: 'pass-filled', color: 'testing.iconPassed' };
      case 'none':
        return { id: 'vm-running', color: 'charts.green' };
    }
  }
  switch (container.state) {
    case 'paused':
      return { id: 'debug-pause', color: 'charts.yellow' };
    case 'restarting':
      return { id: 'sync~spin', color: 'charts.orange' };
    case 'created':
      return { id: 'circle-outline' };
    case 'dead':
      return { id: 'error', color: 'problemsErrorIcon.foreground' };
    default:
      return container.exitCode !== undefined && container.exitCode !== 0 ? { id: 'vm-outline', color: 'charts.red' } : { id: 'vm-outline' };
  }
}

function containerTooltip(container: ContainerSummary, nowSeconds: number, withHealth = true): string {
  const lines = [
    `**${container.name}** ${code(shortId(container.id))}`,
    '',
    `Image: ${code(container.image)}`,
    `Status: ${container.status || container.state}`,
    ...(withHealth && container.health !== 'none' ? [`Health: **${container.health}**`] : []),
    `Created: ${formatDate(container.created)} (${formatAge(container.created, nowSeconds)})`,
    `Command: ${code(truncate(container.command, 200))}`,
  ];
  if (container.composeProject) lines.push(`Compose: ${code(container.composeProject)}${container.composeService ? ` / ${code(container.composeService)}` : ''}`);
  const published = container.ports.filter((port) => port.publicPort);
  if (published.length > 0) lines.push(`Ports: ${published.map((port) => `${port.publicPort}→${port.privatePort}/${port.type}`).join(', ')}`);
  return lines.join('  \n');
}

/** The tooltip once the container was inspected: the health log, failing streak, exit details. */
export function containerDetailsTooltip(container: ContainerSummary, details: ContainerDetails, nowSeconds: number): string {
  const health = details.health;
  // The inspected health section replaces the list's one-word health line.
  const lines = [containerTooltip(container, nowSeconds, !health)];
  if (health) {
    lines.push('', `**Health: ${health.status}** — failing streak ${health.failingStreak}`);
    const last = health.log[health.log.length - 1];
    if (last) {
      lines.push(`Last probe: exit code ${last.exitCode}${last.end ? ` at ${last.end.replace(/\.\d+/, '')}` : ''}`);
      const output = last.output.trim();
      lines.push(output ? `\`\`\`text\n${truncate(output, 1000)}\n\`\`\`` : '(the probe printed nothing)');
    }
  }
  if (details.restartCount > 0) lines.push(`Restarts: ${details.restartCount}`);
  if (details.oomKilled) lines.push('**Killed: out of memory**');
  if (details.error) lines.push(`Error: ${details.error}`);
  return lines.join('  \n');
}

function portNodes(container: ContainerSummary): PortNode[] {
  const seen = new Set<string>();
  const nodes: PortNode[] = [];
  for (const port of container.ports) {
    if (!port.publicPort) continue;
    // Docker lists a binding once per address family (0.0.0.0 and ::); one node per port.
    const key = `${port.publicPort}/${port.type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const host = !port.ip || port.ip === '0.0.0.0' || port.ip === '::' ? 'localhost' : port.ip.includes(':') ? `[${port.ip}]` : port.ip;
    const url = `http://${host}:${port.publicPort}`;
    nodes.push({
      kind: 'port',
      id: `port:${container.id}:${key}`,
      label: `${host}:${port.publicPort}`,
      description: `→ ${port.privatePort}/${port.type}`,
      tooltip: port.type === 'tcp' ? `Open ${url}` : `${port.type} port ${port.publicPort} → ${port.privatePort}`,
      contextValue: 'container.port',
      icon: { id: 'link-external' },
      collapsible: 'none',
      containerId: container.id,
      url,
    });
  }
  return nodes;
}

export function containerChildren(container: ContainerSummary): PortNode[] {
  return portNodes(container);
}

function containerNode(container: ContainerSummary, nowSeconds: number): ContainerNode {
  const hasPorts = container.ports.some((port) => port.publicPort);
  return {
    kind: 'container',
    id: `container:${container.id}`,
    label: container.name,
    description: `${container.image} · ${container.status || container.state}`,
    tooltip: () => containerTooltip(container, nowSeconds),
    contextValue: containerContextValue(container),
    icon: containerIcon(container),
    collapsible: hasPorts ? 'collapsed' : 'none',
    container,
  };
}

function compareContainers(sortBy: ContainerSortBy): (a: ContainerSummary, b: ContainerSummary) => number {
  const byName = (a: ContainerSummary, b: ContainerSummary) => a.name.localeCompare(b.name, undefined, { numeric: true });
  switch (sortBy) {
    case 'name':
      return byName;
    case 'created':
      return (a, b) => b.created - a.created || byName(a, b);
    case 'state':
      return (a, b) => (STATE_RANK[a.state] ?? 9) - (STATE_RANK[b.state] ?? 9) || byName(a, b);
    case 'health':
      return (a, b) => HEALTH_RANK[a.health] - HEALTH_RANK[b.health] || (STATE_RANK[a.state] ?? 9) - (STATE_RANK[b.state] ?? 9) || byName(a, b);
  }
}

function matches(filter: string, container: ContainerSummary): boolean {
  if (!filter) return true;
  const needle = filter.toLowerCase();
  return [container.name, container.image, shortId(container.id), container.composeProject ?? '', container.status, container.health].some((field) => field.toLowerCase().includes(needle));
}

interface GroupKey {
  readonly key: string;
  readonly label: string;
  readonly rank: number;
  readonly icon: NodeIcon;
}

function groupOf(container: ContainerSummary, groupBy: ContainerGroupBy): GroupKey | undefined {
  switch (groupBy) {
    case 'composeProject':
      return container.composeProject ? { key: `compose:${container.composeProject}`, label: container.composeProject, rank: 0, icon: { id: 'layers' } } : undefined;
    case 'state': {
      const state = container.state;
      return { key: `state:${state}`, label: state[0]!.toUpperCase() + state.slice(1), rank: STATE_RANK[state] ?? 9, icon: containerIcon({ ...container, health: 'none' }) };
    }
    case 'health':
      return { key: `health:${container.health}`, label: HEALTH_TITLE[container.health], rank: HEALTH_RANK[container.health], icon: containerIcon({ ...container, state: 'running' }) };
    case 'image':
      return { key: `image:${container.image}`, label: container.image, rank: 0, icon: { id: 'tag' } };
    case 'none':
      return undefined;
  }
}

export function shapeContainers(containers: readonly ContainerSummary[], options: ContainerViewOptions, nowSeconds: number): ContainersViewNode[] {
  const filter = options.filter.trim();
  const visible = containers.filter((container) => matches(filter, container)).sort(compareContainers(options.sortBy));
  const groups = new Map<string, { group: GroupKey; members: ContainerSummary[] }>();
  const ungrouped: ContainerSummary[] = [];
  for (const container of visible) {
    const group = groupOf(container, options.groupBy);
    if (!group) {
      ungrouped.push(container);
      continue;
    }
    let entry = groups.get(group.key);
    if (!entry) groups.set(group.key, (entry = { group, members: [] }));
    entry.members.push(container);
  }
  const groupNodes: ContainerGroupNode[] = [...groups.values()]
    .sort((a, b) => a.group.rank - b.group.rank || a.group.label.localeCompare(b.group.label))
    .map(({ group, members }) => {
      const running = members.filter((member) => member.state === 'running').length;
      const unhealthy = members.filter((member) => member.health === 'unhealthy').length;
      return {
        kind: 'containerGroup',
        id: `group:${group.key}`,
        label: group.label,
        description: `${running}/${members.length} running${unhealthy > 0 ? ` · ${unhealthy} unhealthy` : ''}`,
        tooltip: options.groupBy === 'composeProject' ? `Compose project ${code(group.label)}` : undefined,
        contextValue: 'container.group',
        icon: group.icon,
        collapsible: 'expanded',
        children: members.map((member) => containerNode(member, nowSeconds)),
      } satisfies ContainerGroupNode;
    });
  return [...groupNodes, ...ungrouped.map((container) => containerNode(container, nowSeconds))];
}
