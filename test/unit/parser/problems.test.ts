// Syntax problems: each one located where the marks say, with its code, and the tree still built.
import { strict as assert } from 'node:assert';
import { BUILDKIT_PARSE_FAILURES, parseDockerfile, type ProblemCode } from '../../../server/src/dockerfile';
import { EOLS, marked } from './support/markers';

const cases: { source: string; code: ProblemCode; message: RegExp }[] = [
  { source: 'FROM x\n⟦RUNN⟧ make', code: 'unknown-instruction', message: /did you mean RUN\?/ },
  { source: 'FROM x\nENV ⟦PATH⟧', code: 'key-value-missing-value', message: /ENV PATH=value/ },
  { source: 'FROM x\nLABEL a=1 ⟦b⟧', code: 'key-value-missing-equals', message: /b=value/ },
  { source: 'FROM x\nCMD [ "echo", ⟦[ "nested" ] ]⟧', code: 'json-array-not-strings', message: /must be a string/ },
  { source: 'FROM x\nHEALTHCHECK --interval=5s CMD ["a", ⟦1]⟧', code: 'json-array-not-strings', message: /must be a string/ },
  { source: 'FROM x\nCOPY --chown=1 --from=[a] ["a", ⟦2]⟧', code: 'json-array-not-strings', message: /must be a string/ },
  { source: 'FROM x\nRUN ⟦<<EOF⟧\necho never ends', code: 'unterminated-heredoc', message: /line containing only EOF/ },
  { source: '# syntax=a\n⟦# syntax=b⟧\nFROM x', code: 'duplicate-directive', message: /Only one syntax/ },
  { source: '# escape=⟦x⟧\nFROM x', code: 'invalid-escape-directive', message: /use ` or \\/ },
  { source: '# only a comment\n⟦⟧', code: 'no-instructions', message: /no instructions/ },
  { source: 'FROM x\n⟦\\⟧\n', code: 'unknown-instruction', message: /stray escape/ },
  { source: 'FROM x\nLABEL a=1 ⟦=x⟧', code: 'key-value-blank-name', message: /LABEL names can not be blank/ },
  { source: 'FROM x\nENV ⟦="x y"⟧', code: 'key-value-blank-name', message: /ENV names can not be blank/ },
  { source: "FROM x\nRUN cat ⟦<<'EOF⟧ > /a\nhi\nEOF", code: 'heredoc-quote-unterminated', message: /' quote left open: close it \(<<'EOF'\)/ },
  { source: 'FROM x\nCOPY ⟦3<<-"EOF⟧ /a\nhi\nEOF', code: 'heredoc-quote-unterminated', message: /" quote left open/ },
  { source: "FROM x\nRUN cat ⟦<<  'EOF⟧\nhi\nEOF", code: 'heredoc-quote-unterminated', message: /close it \(<<  'EOF'\)/ },
];

describe('parser: problems', () => {
  for (const [eolName, eol] of EOLS) {
    for (const testCase of cases) {
      it(`${eolName}: ${testCase.code} in ${JSON.stringify(testCase.source)}`, () => {
        const { text, ranges } = marked(testCase.source, eol);
        const ast = parseDockerfile(text);
        const problems = ast.problems.filter((problem) => problem.code === testCase.code);
        assert.equal(problems.length, 1, JSON.stringify(ast.problems));
        assert.deepEqual({ start: problems[0].start, end: problems[0].end }, ranges[0]);
        assert.match(problems[0].message, testCase.message);
      });
    }
  }

  it('keeps parsing after a problem', () => {
    const ast = parseDockerfile('FROM x\nENV PATH\nRUNN y\nRUN ok');
    assert.deepEqual(
      ast.instructions.map((instruction) => instruction.name),
      ['FROM', 'ENV', 'RUNN', 'RUN'],
    );
  });

  it('ARG =x and a quote left open outside a here-document word are not those problems', () => {
    const codes = (text: string) => parseDockerfile(text).problems.map((problem) => problem.code);
    assert.deepEqual(codes('FROM x\nARG =x\nLABEL a==b'), []);
    assert.deepEqual(codes("FROM x\nRUN echo 'open <<EOF"), []);
  });

  it('shows an unknown keyword of raw bytes or of a whole long line readably, and short', () => {
    const message = (text: string) => parseDockerfile(text).problems.find((problem) => problem.code === 'unknown-instruction')?.message;
    assert.equal(message('\x7fELF\x02\x01\x01\x00\x00 x'), 'Unknown instruction \\x7fELF\\x02\\x01\\x01\\x00\\x00: use one of ADD, ARG, CMD, COPY, ENTRYPOINT, ENV, EXPOSE, FROM, HEALTHCHECK, LABEL, MAINTAINER, ONBUILD, RUN, SHELL, STOPSIGNAL, USER, VOLUME, WORKDIR.');
    assert.equal(message(`FROM x\n${'y'.repeat(1 << 20)}\n`), `Unknown instruction ${'y'.repeat(40)}…: use one of ADD, ARG, CMD, COPY, ENTRYPOINT, ENV, EXPOSE, FROM, HEALTHCHECK, LABEL, MAINTAINER, ONBUILD, RUN, SHELL, STOPSIGNAL, USER, VOLUME, WORKDIR.`);
    // A surrogate pair at the cut is left out whole.
    assert.equal(message(`${'z'.repeat(39)}😀z`), `Unknown instruction ${'z'.repeat(39)}…: use one of ADD, ARG, CMD, COPY, ENTRYPOINT, ENV, EXPOSE, FROM, HEALTHCHECK, LABEL, MAINTAINER, ONBUILD, RUN, SHELL, STOPSIGNAL, USER, VOLUME, WORKDIR.`);
    assert.equal(message('FROM x\nRUNN make'), 'Unknown instruction RUNN: did you mean RUN?');
  });

  it('marks which problems make BuildKit reject the file', () => {
    assert.ok(BUILDKIT_PARSE_FAILURES.has('unterminated-heredoc'));
    assert.ok(!BUILDKIT_PARSE_FAILURES.has('unknown-instruction'), 'BuildKit parses unknown instructions and fails later');
  });

  it('reports a line longer than BuildKit reads', () => {
    const ast = parseDockerfile(`FROM x\nLABEL a=${'b'.repeat(70_000)}\n`);
    assert.deepEqual(
      ast.problems.map((problem) => problem.code),
      ['line-too-long'],
    );
  });

  it('falls back to shell form for text that only looks like JSON, and says why', () => {
    const ast = parseDockerfile("CMD ['echo', 'hi']");
    const cmd = ast.instructions[0];
    assert.equal(cmd.form, 'shell');
    assert.deepEqual(
      cmd.args.map((arg) => arg.value),
      ["['echo', 'hi']"],
    );
    assert.match(cmd.jsonFallback?.reason ?? '', /double quotes/);
  });
});
