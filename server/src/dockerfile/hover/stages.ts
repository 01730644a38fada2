// Hover on a stage (its name in FROM … AS, or a reference to it): its FROM line, how much it
// holds, and every place that depends on it.
import type { DockerfileDocument, Stage } from '..';
import { code, dockerfileBlock } from '../reference/markdown';

const MAX_LISTED = 8;

export function stageHover(document: DockerfileDocument, stage: Stage): string {
  const { model, ast } = document;
  const fromLine = ast.text.slice(stage.from.start, stage.from.end).split(/\r\n|\r|\n/)[0];
  const isLast = stage.index === model.stages.length - 1;
  const parts = [`**Stage ${stage.name ? `\`${stage.name}\`` : stage.index}** (stage ${stage.index} of ${model.stages.length}${isLast ? ', the final image by default' : ''})`, dockerfileBlock(fromLine)];
  const count = stage.instructions.length - 1;
  parts.push(`${count} instruction${count === 1 ? '' : 's'} after FROM, lines ${stage.range.start.line + 1}–${stage.range.end.line + 1}.`);
  const users = model.stageReferences.filter((reference) => reference.stageIndex === stage.index && reference.instruction !== stage.from);
  if (users.length === 0) {
    parts.push(isLast ? 'Nothing else refers to it.' : 'Nothing refers to it: BuildKit builds it only when it is the `--target`.');
  } else {
    const lines = users.slice(0, MAX_LISTED).map((reference) => {
      const text = ast.text.slice(reference.instruction.start, reference.instruction.end).split(/\r\n|\r|\n/)[0];
      return `- line ${reference.instruction.range.start.line + 1}: ${code(text.length > 90 ? `${text.slice(0, 90)}…` : text)}`;
    });
    if (users.length > MAX_LISTED) lines.push(`- … and ${users.length - MAX_LISTED} more`);
    parts.push(`Used by:\n${lines.join('\n')}`);
  }
  return parts.join('\n\n');
}
