// The parser, the model and the config prediction never throw, whatever the input, and what they return is
// consistent: every located thing lies inside the text, its LSP range agrees with its offsets,
// and instructions come in order without overlapping. Checked on random text, on mutations of
// the real-world corpus, and on the classic nasty inputs.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyzeText, dumpBuildkit, predictImageConfig, type DockerfileDocument } from '../../../server/src/dockerfile';
import { realDockerfiles } from '../corpus/support/corpus';
import { positionOf } from './support/markers';

const dockerfileAlphabet = [
  'FROM ', 'RUN ', 'COPY ', 'ADD ', 'ENV ', 'ARG ', 'LABEL ', 'ONBUILD ', 'HEALTHCHECK ', 'CMD ', 'SHELL ', 'EXPOSE ', 'WORKDIR ',
  'AS ', 'NONE', '--', '--mount=', '=', ' ', '\t', '\n', '\r\n', '\r', '\\', '`', '#', '# escape=`\n', '# syntax=x\n',
  '"', "'", '[', ']', ',', '{', '}', '$', '${', ':-', '#', '%', '/', '<<', '<<-', 'EOF', '\uFEFF', '😀', '\u00a0', '\u0085', 'a', '1',
];

const dockerfileish = fc.array(fc.constantFrom(...dockerfileAlphabet), { maxLength: 80 }).map((parts) => parts.join(''));

describe('parser: fault tolerance', function () {
  this.timeout(60_000);

  it('never throws on random text, and what it returns is consistent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), dockerfileish), (text) => {
        checkDocument(text, analyzeText(text));
      }),
      { numRuns: 600 },
    );
  });

  const corpus = realDockerfiles();
  if (corpus.length === 0) {
    it('mutations of the real-world corpus (../shared/corpus/real absent here: not checked)', function () {
      this.skip();
    });
  } else {
    it(`never throws on mutations of the ${corpus.length} real-world Dockerfiles`, () => {
      const mutation = fc.record({
        file: fc.nat({ max: corpus.length - 1 }),
        edits: fc.array(
          fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 12 }), insert: fc.oneof(fc.constantFrom(...dockerfileAlphabet), fc.string({ maxLength: 4 })) }),
          { minLength: 1, maxLength: 6 },
        ),
      });
      fc.assert(
        fc.property(mutation, ({ file, edits }) => {
          let text = corpus[file][1];
          for (const edit of edits) {
            const at = Math.floor(edit.at * text.length);
            text = text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
          }
          checkDocument(text, analyzeText(text));
        }),
        { numRuns: 400 },
      );
    });

    it('parses every real-world Dockerfile without a syntax error', () => {
      for (const [name, text] of corpus) {
        const document = analyzeText(text);
        checkDocument(text, document);
        assert.deepEqual(
          document.ast.problems.map((problem) => `${problem.code} ${problem.message}`),
          [],
          name,
        );
      }
    });
  }

  const nasty: [string, string][] = [
    ['an unterminated here-document', 'FROM x\nRUN <<EOF\necho'],
    ['broken JSON', 'FROM x\nCMD ["a", "b'],
    ['a stray continuation at the end', 'FROM x\nRUN a \\'],
    ['only continuations', '\\\n\\\n\\'],
    ['binary garbage', String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 7919) % 65536))],
    ['1 MB of one character', 'a'.repeat(1 << 20)],
    ['100k backslashes', '\\'.repeat(100_000)],
    ['10k nested ${', 'FROM x\nENV A=' + '${A:-'.repeat(10_000)],
    ['100k here-doc markers', 'FROM x\nRUN ' + '<<EOF '.repeat(100_000)],
    ['deeply nested JSON', 'FROM x\nCMD ' + '['.repeat(50_000)],
    ['ONBUILD chains', 'FROM x\n' + 'ONBUILD '.repeat(10_000) + 'RUN x'],
    ['CR-only line breaks', 'FROM x\rRUN a \\\rb\rCMD c'],
  ];
  for (const [name, text] of nasty) {
    it(`returns a tree for ${name}`, () => {
      const document = analyzeText(text);
      checkDocument(text, document);
      dumpBuildkit(document.ast);
    });
  }
});

/** Asserts that everything located in the document lies inside the text and is consistent. */
function checkDocument(text: string, document: DockerfileDocument): void {
  const { ast, model } = document;
  const seen = new Set<object>();
  const visit = (value: unknown, path: string): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path}[${i}]`));
      return;
    }
    // Parts computed on first read (an instruction's split parts, lazy facts) are getters: their
    // JSON form reads them all, so they are checked as well.
    const withJson = value as { toJSON?: () => Record<string, unknown> };
    const record = typeof withJson.toJSON === 'function' ? withJson.toJSON() : (value as Record<string, unknown>);
    if (typeof record.start === 'number' && typeof record.end === 'number' && record.range) {
      const { start, end } = record as { start: number; end: number };
      assert.ok(0 <= start && start <= end && end <= text.length, `${path}: ${start}..${end} outside 0..${text.length}`);
      // Positions are compared only for a sample of spans: the check is quadratic on big inputs.
      if (text.length < 5_000) {
        assert.deepEqual(record.range, { start: positionOf(text, start), end: positionOf(text, end) }, `${path}: range`);
      }
      if (typeof record.text === 'string') assert.equal(record.text, text.slice(start, end), `${path}: text`);
    }
    for (const [key, child] of Object.entries(record)) {
      if (key === 'range' || key === 'lines' || key === 'ast' || key === 'text' || key === 'logicalMap') continue;
      visit(child, `${path}.${key}`);
    }
  };
  visit(ast, 'ast');
  visit(model, 'model');
  for (let i = 1; i < ast.instructions.length; i++) {
    assert.ok(ast.instructions[i - 1].end <= ast.instructions[i].start, `instructions ${i - 1} and ${i} overlap`);
  }
  // What is computed on demand must not throw either: files of RUN scripts, the image config.
  for (const facts of model.instructions) {
    for (const path of [...facts.files.created, ...facts.files.deleted]) assert.equal(typeof path, 'string');
  }
  for (const stage of model.stages) predictImageConfig(model, { target: stage.name });
  predictImageConfig(model);
}
