// Maps a builder's step back to the Dockerfile line it came from. BuildKit names a vertex
// "[<stage> <k>/<n>] RUN …" and the classic builder prints "Step <k>/<n> : RUN …"; both count
// instructions, so we split the file into instructions and stages the same way the builders do
// (escape directive, line continuations, comment lines inside continuations).

export interface DockerfileInstruction {
  /** Upper-case keyword, e.g. `RUN`. */
  readonly keyword: string;
  readonly args: string;
  /** 0-based lines, inclusive. */
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

export function splitInstructions(text: string): DockerfileInstruction[] {
  const lines = text.split(/\r\n|\n|\r/);
  let escape = '\\';
  let lineIndex = 0;
  // Parser directives: `# key=value` lines at the very top.
  for (; lineIndex < lines.length; lineIndex++) {
    const directive = /^\s*#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(\S+)\s*$/.exec(lines[lineIndex]!);
    if (!directive) break;
    if (directive[1]!.toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) escape = directive[2];
  }
  const instructions: DockerfileInstruction[] = [];
  for (; lineIndex < lines.length; lineIndex++) {
    const first = lines[lineIndex]!;
    if (/^\s*(#|$)/.test(first)) continue;
    const startLine = lineIndex;
    let logical = '';
    let line = first;
    for (;;) {
      const trimmed = line.replace(/\s+$/, '');
      if (trimmed.endsWith(escape) && lineIndex + 1 < lines.length) {
        logical += trimmed.slice(0, -1);
        lineIndex++;
        // Comment lines and empty lines inside a continuation are dropped by the builder.
        while (lineIndex < lines.length && /^\s*(#|$)/.test(lines[lineIndex]!)) lineIndex++;
        if (lineIndex >= lines.length) break;
        line = lines[lineIndex]!;
        continue;
      }
      logical += trimmed.endsWith(escape) ? trimmed.slice(0, -1) : trimmed;
      break;
    }
    const match = /^\s*(\S+)\s*(.*)$/s.exec(logical);
    if (!match) continue;
    instructions.push({ keyword: match[1]!.toUpperCase(), args: match[2]!.trim(), startLine, endLine: Math.min(lineIndex, lines.length - 1) });
  }
  return instructions;
}

export function splitStages(text: string): DockerfileStage[] {
  const stages: DockerfileStage[] = [];
  let current: { from: DockerfileInstruction; instructions: DockerfileInstruction[] } | undefined;
  const flush = () => {
    if (!current) return;
    const words = current.from.args.split(/\s+/).filter((word) => !word.startsWith('--'));
    const asIndex = words.findIndex((word) => word.toLowerCase() === 'as');
    const name = asIndex >= 0 ? words[asIndex + 1]?.toLowerCase() : undefined;
    stages.push({ index: stages.length, name, from: current.from, base: words[0] ?? '', instructions: current.instructions });
  };
  for (const instruction of splitInstructions(text)) {
    if (instruction.keyword === 'FROM') {
      flush();
      current = { from: instruction, instructions: [] };
    } else if (current) {
      current.instructions.push(instruction);
    }
  }
  flush();
  return stages;
}

const buildkitCountedKeywords = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

/** "[stage-1 2/3] RUN make" or "[2/3] RUN make" (optionally with a platform before the stage). */
const buildkitStep = /^\[(?:(?:[a-z0-9]+\/[a-z0-9_/.-]+)\s+)?(?:(\S+)\s+)?(\d+)\/(\d+)\]\s+(.*)$/s;

/**
 * The instruction a BuildKit vertex ran, or undefined for internal vertexes
 * ("[internal] load build context", "copy /context /").
 */
export function instructionForBuildkitVertex(stages: readonly DockerfileStage[], vertexName: string): DockerfileInstruction | undefined {
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

/** The instruction of a classic-builder "Step k/n : …" line (steps count every instruction, FROM included). */
export function instructionForClassicStep(text: string, stepLine: string): DockerfileInstruction | undefined {
  const match = /^Step (\d+)\/(\d+) : /.exec(stepLine);
  if (!match) return undefined;
  return splitInstructions(text)[Number(match[1]) - 1];
}
