// The variables an instruction can use, with the value each has there, following the model's
// scoping (BuildKit's): FROM sees the global ARGs; a stage sees its own ARGs and ENVs declared
// before the instruction plus those of the stage it is built FROM; CMD, ENTRYPOINT and
// HEALTHCHECK run in the container, which keeps ENV but not ARG.
import type { DockerfileModel, Instruction, Stage, VariableDefinition, VariableState } from '..';
import { PREDEFINED_ARGS, predefinedArg, type PredefinedArgReference } from '../reference';

export interface ScopedVariable {
  readonly name: string;
  /** Undefined for a predefined argument the file does not declare. */
  readonly definition: VariableDefinition | undefined;
  readonly value: VariableState;
  /** False for an automatic platform ARG a stage must declare (`ARG TARGETARCH`) before using it. */
  readonly declared: boolean;
  readonly predefined: PredefinedArgReference | undefined;
}

const CONTAINER_INSTRUCTIONS = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

/** The stage an instruction belongs to; undefined before the first FROM. */
export function stageOf(model: DockerfileModel, instruction: Instruction): Stage | undefined {
  const stages = model.stages;
  let low = 0;
  let high = stages.length - 1;
  let found: Stage | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (stages[mid].start <= instruction.start) {
      found = stages[mid];
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

export function variablesAt(model: DockerfileModel, instruction: Instruction): ScopedVariable[] {
  const stage = stageOf(model, instruction);
  const byName = new Map<string, ScopedVariable>();
  const put = (definition: VariableDefinition) => byName.set(definition.name, { name: definition.name, definition, value: definition.value, declared: true, predefined: predefinedArg(definition.name) });

  if (!stage || stage.from === instruction) {
    for (const definition of model.globalVariables) {
      if (!definition.instruction || definition.instruction.start < instruction.start) put(definition);
    }
    return [...byName.values()];
  }

  const chain: Stage[] = [];
  for (let current: Stage | undefined = stage; current && chain.length <= model.stages.length; ) {
    chain.unshift(current);
    current = current.base.kind === 'stage' ? model.stages[current.base.stageIndex] : undefined;
  }
  const inContainer = CONTAINER_INSTRUCTIONS.has(instruction.name);
  const indexes = new Set(chain.map((entry) => entry.index));
  for (const definition of model.variables) {
    if (definition.stageIndex === undefined || !indexes.has(definition.stageIndex)) continue;
    if (definition.stageIndex === stage.index && definition.instruction && definition.instruction.start >= instruction.start) continue;
    if (inContainer && definition.kind === 'arg') continue;
    put(definition);
  }
  if (inContainer) return [...byName.values()];

  for (const predefined of PREDEFINED_ARGS) {
    if (byName.has(predefined.name)) continue;
    if (predefined.group === 'platform') {
      const global = model.globalVariables.find((definition) => definition.name === predefined.name);
      byName.set(predefined.name, { name: predefined.name, definition: undefined, value: global?.value ?? { kind: 'unknown', reason: 'depends on the platform of the build' }, declared: false, predefined });
    } else if (predefined.group === 'proxy' && instruction.name === 'RUN') {
      byName.set(predefined.name, { name: predefined.name, definition: undefined, value: { kind: 'unknown', reason: 'set with --build-arg' }, declared: true, predefined });
    }
  }
  return [...byName.values()];
}
