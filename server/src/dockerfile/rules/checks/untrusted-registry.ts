// FROM only from the registries of .hadolint.yaml's trustedRegistries (DL3026).
import type { Check } from '../types';

export const check: Check = {
  instructions: ['FROM'],
  visit(instruction, context) {
    const stage = context.stageOf(instruction);
    if (!stage || stage.base.kind !== 'image' || !stage.baseToken) return;
    const reference = stage.base.reference;
    const registry = reference.registry ?? 'docker.io';
    const trusted = context.options.trustedRegistries;
    if (trusted.some((pattern) => registryMatches(pattern, registry))) return;
    context.report({
      start: stage.baseToken.start,
      end: stage.baseToken.end,
      message: `Use only an allowed registry in the FROM image: ${registry} is not among ${trusted.join(', ')}.`,
    });
  },
};

function registryMatches(pattern: string, registry: string): boolean {
  const normalized = (value: string) => (value === 'hub.docker.com' || value === 'index.docker.io' || value === 'registry-1.docker.io' ? 'docker.io' : value.toLowerCase());
  const host = normalized(registry);
  const wanted = normalized(pattern.trim());
  if (wanted === '*') return true;
  if (wanted.startsWith('*.')) return host.endsWith(wanted.slice(1));
  return host === wanted;
}
