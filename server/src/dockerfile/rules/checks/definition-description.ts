// `# name description` above FROM … AS name and ARG name (BuildKit InvalidDefinitionDescription, experimental).
import type { Check } from '../types';

export const check: Check = {
  instructions: ['FROM', 'ARG'],
  visit(instruction, context) {
    const comments = instruction.precedingComments.filter((comment) => !/^(check|syntax|escape)\s*=|^(hadolint|layerwise-ignore)/i.test(comment.value));
    if (comments.length === 0) return;
    const names = instruction.name === 'FROM' ? (context.stageOf(instruction)?.name ? [context.stageOf(instruction)!.name!] : []) : instruction.keyValues.map((pair) => pair.key.value);
    for (const name of names) {
      if (comments.some((comment) => comment.value.startsWith(`${name} `))) continue;
      const comment = comments[comments.length - 1];
      context.report({ start: comment.start, end: comment.end, instruction, message: `Comment for ${instruction.name} should follow the format: \`# ${name} <description>\`.` });
    }
  },
};
