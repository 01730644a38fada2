// Maps a builder's step back to the Dockerfile line it came from. BuildKit names a vertex
// "[<stage> <k>/<n>] RUN …" and the classic builder prints "Step <k>/<n> : RUN …"; both count
// instructions, so the file is read by the Dockerfile core (BuildKit's own grammar: escape
// directive, continuations, comments inside them, here-documents) and the steps are counted
// over its instructions and stages.
import { analyzeText, type Instruction } from '../../../../server/src/dockerfile';

/** A located instruction, as build events and errors carry it (plain data). */
export interface DockerfileInstruction {
  /** Upper-case keyword, e.g. `RUN`. */
  readonly keyword: string;
  /** The logical line after the keyword, as BuildKit joins it (here-document bodies excluded). */
  readonly args: string;
  /** 0-based lines, inclusive; a here-document's body and terminator belong to its instruction. */
  readonly startLine: number;
  readonly endLine: number;
}

export interface DockerfileStage {
  readonly index: number;
  /** The `AS` name, lower-cased as BuildKit does. */
  readonly name?: string;
  readonly from: DockerfileInstruction;
  /** The base as written after FROM (flags removed). */
  readonly base: string;
  /** Instructions after FROM. */
  readonly instructions: readonly DockerfileInstruction[];
}

/** What a build needs to know of its Dockerfile: its instructions, stages and declared build args. */
export interface BuildDockerfile {
  /** Every instruction in document order (ONBUILD triggers stay inside their ONBUILD). */
  readonly instructions: readonly DockerfileInstruction[];
  readonly stages: readonly DockerfileStage[];
  /** Names declared by ARG, in order, once each. */
  readonly buildArgs: readonly string[];
}

function located(instruction: Instruction): DockerfileInstruction {
  return {
    keyword: instruction.name,
    args: instruction.logicalText.slice(instruction.keyword.text.length).trim(),
    startLine: instruction.range.start.line,
    endLine: instruction.range.end.line,
  };
}

export function readBuildDockerfile(text: string): BuildDockerfile {
  const { ast, model } = analyzeText(text);
  const byInstruction = new Map<Instruction, DockerfileInstruction>();
  const instructions = ast.instructions.map((instruction) => {
    const value = located(instruction);
    byInstruction.set(instruction, value);
    return value;
  });
  const stages = model.stages.map((stage) => ({
    index: stage.index,
    ...(stage.name !== undefined ? { name: stage.name } : {}),
    from: byInstruction.get(stage.from) ?? located(stage.from),
    base: stage.baseToken?.value ?? '',
    instructions: stage.instructions.filter((instruction) => instruction !== stage.from).map((instruction) => byInstruction.get(instruction) ?? located(instruction)),
  }));
  const buildArgs = [...new Set(ast.instructions.filter((instruction) => instruction.name === 'ARG').flatMap((instruction) => instruction.keyValues.map((pair) => pair.key.value)))];
  return { instructions, stages, buildArgs };
}

/** The instruction that spans the 0-based `line`, if any. */
export function instructionAtLine(dockerfile: BuildDockerfile, line: number): DockerfileInstruction | undefined {
  return dockerfile.instructions.find((instruction) => instruction.startLine <= line && line <= instruction.endLine);
}

const buildkitCountedKeywords = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

/** "[stage-1 2/3] RUN make" or "[2/3] RUN make" (optionally with a platform before the stage). */
const buildkitStep = /^\[(?:(?:[a-z0-9]+\/[a-z0-9_/.-]+)\s+)?(?:(\S+)\s+)?(\d+)\/(\d+)\]\s+(.*)$/s;

/**
 * The instruction a BuildKit vertex ran, or undefined for internal vertexes
 * ("[internal] load build context", "copy /context /").
 */
export function instructionForBuildkitVertex(dockerfile: BuildDockerfile, vertexName: string): DockerfileInstruction | undefined {
  const { stages } = dockerfile;
  const match = buildkitStep.exec(vertexName);
  if (!match) return undefined;
  const stageLabel = match[1];
  const step = Number(match[2]);
  const total = Number(match[3]);
  const keyword = /^\S+/.exec(match[4]!)?.[0]?.toUpperCase();
  let candidates: readonly DockerfileStage[];
  if (stageLabel === undefined) candidates = stages.length > 0 ? [stages[stages.length - 1]!] : [];
  else {
    const byName = stages.filter((stage) => stage.name === stageLabel.toLowerCase());
    const indexed = /^stage-(\d+)$/.exec(stageLabel);
    candidates = byName.length > 0 ? byName : indexed ? stages.filter((stage) => stage.index === Number(indexed[1])) : [];
  }
  for (const stage of candidates) {
    // BuildKit numbers only the instructions that change the file system; a stage FROM an image
    // counts its FROM as step 1, one FROM another stage or scratch does not.
    const counted = stage.instructions.filter((candidate) => buildkitCountedKeywords.has(candidate.keyword));
    const fromCounted = total === counted.length + 1;
    if (fromCounted && step === 1) return stage.from;
    const instruction = counted[step - (fromCounted ? 2 : 1)];
    if (instruction && (!keyword || instruction.keyword === keyword)) return instruction;
  }
  return undefined;
}

/** Steps a BuildKit build of every stage reports at most: a rough total for a progress bar. */
export function estimatedBuildkitSteps(dockerfile: BuildDockerfile): number {
  return Math.max(1, dockerfile.stages.reduce((sum, stage) => sum + 1 + stage.instructions.filter((instruction) => buildkitCountedKeywords.has(instruction.keyword)).length, 0));
}

/** The instruction of a classic-builder "Step k/n : …" line (steps count every instruction, FROM included). */
export function instructionForClassicStep(dockerfile: BuildDockerfile, stepLine: string): DockerfileInstruction | undefined {
  const match = /^Step (\d+)\/(\d+) : /.exec(stepLine);
  if (!match) return undefined;
  return dockerfile.instructions[Number(match[1]) - 1];
}
