// The parser splits an instruction into tokens only when splitting can report a syntax problem;
// every other instruction is split when first read, with no one left to report to. These
// properties split every instruction again with a problem list and check that nothing was lost,
// and that reading the parts on demand gives what an eager split gives. Random text, mutations
// of the real-world corpus, and the real files themselves.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseDockerfile, type Problem } from '../../../server/src/dockerfile';
import { InstructionNode, InstructionSplitter, readKeyword } from '../../../server/src/dockerfile/syntax/instructionParts';
import { realDockerfiles } from '../corpus/support/corpus';

const pieces = [
  'FROM ', 'RUN ', 'COPY ', 'ADD ', 'ENV ', 'LABEL ', 'ONBUILD ', 'HEALTHCHECK ', 'CMD ', 'ENTRYPOINT ', 'SHELL ', 'VOLUME ', 'ARG ',
  '--chown=1 ', '--from=[a] ', '-', ' ', '\t', '\n', '\r\n', '\\\n', '#\n', '"', "'", '[', ']', ', ', '1', 'null', '{}', '"a"',
  '=', 'a', '<<', '<< ', 'EOF', '\u00a0',
];
const dockerfileish = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join(''));

describe('parser: instructions split on first read', function () {
  this.timeout(60_000);

  it('reads the keyword after blanks a stray continuation leaves before it', () => {
    // Found by the property below: a split on first read takes the parser's keyword, which
    // starts after those blanks, not at the instruction's first character.
    for (const text of ['\\\n\tFROM ', '\\\n  RUN echo a', '\\\n\t COPY --from=b a /c\n', 'RUN \\\n  echo\n']) checkSplits(text);
    for (const text of ['\\\r\n\tFROM x', '\\\r\n  RUN echo a\r\n']) checkSplits(text);
  });

  it('on random instructions: every problem a split reports was reported by the parse', () => {
    fc.assert(fc.property(dockerfileish, (text) => checkSplits(text)), { numRuns: 800 });
  });

  const corpus = realDockerfiles();
  if (corpus.length > 0) {
    it(`on the ${corpus.length} real-world Dockerfiles and mutations of them`, () => {
      for (const [, text] of corpus) checkSplits(text);
      const mutation = fc.record({
        file: fc.nat({ max: corpus.length - 1 }),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        insert: fc.constantFrom(...pieces),
      });
      fc.assert(
        fc.property(mutation, ({ file, at, insert }) => {
          const text = corpus[file][1];
          const offset = Math.floor(at * text.length);
          checkSplits(text.slice(0, offset) + insert + text.slice(offset));
        }),
        { numRuns: 300 },
      );
    });
  }
});

function checkSplits(text: string): void {
  const lazy = parseDockerfile(text);
  const reported = new Set(lazy.problems.map(key));
  const eager = parseDockerfile(text);
  for (let i = 0; i < lazy.instructions.length; i++) {
    const instruction = lazy.instructions[i];
    assert.ok(instruction instanceof InstructionNode);
    const line = instruction.line();
    const problems: Problem[] = [];
    const splitter = new InstructionSplitter(lazy.source, lazy.source.escape, problems);
    const parts = splitter.split(line, readKeyword(line.text, 0, line.text.length), 0, line.text.length);
    // A split leaves the arguments' token of most instructions to be made when read.
    const argumentsText = parts.argumentsText ?? (parts.textStart >= 0 ? splitter.token(line, parts.textStart, parts.textEnd, line.text.slice(parts.textStart, parts.textEnd)) : undefined);
    for (const problem of problems) assert.ok(reported.has(key(problem)), `${JSON.stringify(text)}: ${problem.code} ${problem.message} was not reported`);
    // The parts read on demand are the parts a split gives (compared through their JSON form).
    const read = eager.instructions[i];
    assert.deepEqual(
      JSON.parse(JSON.stringify({ flags: read.flags, args: read.args, keyValues: read.keyValues, form: read.form, exec: read.exec, argumentsText: read.argumentsText })),
      JSON.parse(JSON.stringify({ flags: parts.flags, args: parts.args, keyValues: parts.keyValues, form: parts.form, exec: parts.exec, argumentsText })),
    );
  }
}

function key(problem: Problem): string {
  return `${problem.code}@${problem.start}-${problem.end}`;
}
