// Which ARG/ENV definitions are "the same variable", so that rename and references follow all
// of them: definitions of one name in one scope (a later ENV X redefines X), every ARG of one
// name (they share the build-argument namespace: `--build-arg X` sets all of them, and a stage's
// `ARG X` imports the global one), and a stage with its base stage (it inherits the ENV).
// Renaming only part of such a set would change what the build does.
import type { DockerfileModel, VariableDefinition, VariableReference } from '../semantic/types';

export interface VariableGroup {
  readonly name: string;
  readonly definitions: readonly VariableDefinition[];
  readonly references: readonly VariableReference[];
}

export interface VariableGroups {
  groupOf(definition: VariableDefinition): VariableGroup;
  /** Definitions whose name token holds `offset` (end inclusive). */
  definitionsAt(offset: number): VariableDefinition[];
}

const cache = new WeakMap<DockerfileModel, VariableGroups>();

export function variableGroups(model: DockerfileModel): VariableGroups {
  let groups = cache.get(model);
  if (!groups) {
    groups = computeGroups(model);
    cache.set(model, groups);
  }
  return groups;
}

function computeGroups(model: DockerfileModel): VariableGroups {
  const definitions = model.variables;
  const parent = definitions.map((_, index) => index);
  const indexOf = new Map<VariableDefinition, number>();
  definitions.forEach((definition, index) => indexOf.set(definition, index));
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  const firstByScope = new Map<string, number>();
  // The first definition of each name, by stage: a stage is tied to its base stage name by name.
  const firstInStage = new Map<number, { name: string; index: number }[]>();
  const firstArg = new Map<string, number>();
  definitions.forEach((definition, index) => {
    const scopeKey = `${definition.stageIndex ?? 'global'}\u0000${definition.name}`;
    const first = firstByScope.get(scopeKey);
    if (first === undefined) {
      firstByScope.set(scopeKey, index);
      if (definition.stageIndex !== undefined) {
        let names = firstInStage.get(definition.stageIndex);
        if (!names) firstInStage.set(definition.stageIndex, (names = []));
        names.push({ name: definition.name, index });
      }
    } else union(first, index);
    if (definition.kind === 'arg' || definition.kind === 'automatic') {
      const arg = firstArg.get(definition.name);
      if (arg === undefined) firstArg.set(definition.name, index);
      else union(arg, index);
    }
  });
  // Each stage's own names only: looking through every scope for each stage was quadratic.
  for (const stage of model.stages) {
    if (stage.base.kind !== 'stage') continue;
    const baseIndex = stage.base.stageIndex;
    for (const { name, index } of firstInStage.get(stage.index) ?? []) {
      const inherited = firstByScope.get(`${baseIndex}\u0000${name}`);
      if (inherited !== undefined) union(index, inherited);
    }
  }
  // A use that resolves to a definition elsewhere (a stage reading its base stage's ENV) ties
  // that definition to its own scope's definitions of the same name.
  for (const reference of model.references) {
    if (!reference.definition) continue;
    const local = firstByScope.get(`${reference.stageIndex ?? 'global'}\u0000${reference.name}`);
    const index = indexOf.get(reference.definition);
    if (local !== undefined && index !== undefined) union(local, index);
  }

  const members = new Map<number, { definitions: VariableDefinition[]; references: VariableReference[] }>();
  definitions.forEach((definition, index) => {
    const root = find(index);
    let entry = members.get(root);
    if (!entry) members.set(root, (entry = { definitions: [], references: [] }));
    entry.definitions.push(definition);
  });
  for (const reference of model.references) {
    const index = reference.definition ? indexOf.get(reference.definition) : undefined;
    if (index !== undefined) members.get(find(index))!.references.push(reference);
  }
  const built = new Map<number, VariableGroup>();
  const groupOf = (definition: VariableDefinition): VariableGroup => {
    const index = indexOf.get(definition);
    if (index === undefined) return { name: definition.name, definitions: [definition], references: [] };
    const root = find(index);
    let group = built.get(root);
    if (!group) {
      const entry = members.get(root)!;
      group = { name: definition.name, definitions: entry.definitions, references: entry.references };
      built.set(root, group);
    }
    return group;
  };

  const named = definitions.filter((definition) => definition.nameToken !== undefined);
  const definitionsAt = (offset: number): VariableDefinition[] =>
    named.filter((definition) => offset >= definition.nameToken!.start && offset <= definition.nameToken!.end);
  return { groupOf, definitionsAt };
}
