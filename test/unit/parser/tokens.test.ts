// Every token the parser reports sits exactly where the marks say, with the value BuildKit gives
// it — for LF and CRLF files alike.
import { strict as assert } from 'node:assert';
import { parseDockerfile, type DockerfileAst, type Span, type Token } from '../../../server/src/dockerfile';
import { EOLS, marked, positionOf } from './support/markers';

interface TokenCase {
  readonly name: string;
  /** ⟦…⟧ marks the spans `pick` must return, in order. */
  readonly source: string;
  readonly pick: (ast: DockerfileAst) => readonly (Span | undefined)[];
  /** Expected `value` of each picked token, when they are tokens. */
  readonly values?: readonly (string | undefined)[];
}

const first = (ast: DockerfileAst) => ast.instructions[0];

const cases: TokenCase[] = [
  { name: 'keyword', source: '⟦from⟧ alpine', pick: (ast) => [first(ast).keyword], values: ['FROM'] },
  { name: 'keyword after indentation', source: '   ⟦RUN⟧ true', pick: (ast) => [first(ast).keyword], values: ['RUN'] },
  { name: 'FROM words', source: 'FROM ⟦alpine:3.20⟧ ⟦AS⟧ ⟦build⟧', pick: (ast) => first(ast).args, values: ['alpine:3.20', 'AS', 'build'] },
  {
    name: 'flag name and value',
    source: 'COPY --⟦from⟧=⟦build⟧ /out /out',
    pick: (ast) => [first(ast).flags[0].name, first(ast).flags[0].value],
    values: ['from', 'build'],
  },
  { name: 'whole flag', source: 'COPY ⟦--chown=1:1⟧ ⟦--link⟧ a b', pick: (ast) => first(ast).flags },
  { name: 'boolean flag has no value', source: 'COPY --⟦link⟧ a b', pick: (ast) => [first(ast).flags[0].name, first(ast).flags[0].value], values: ['link', undefined] },
  {
    name: 'quoted flag value is unquoted',
    source: 'RUN --mount=⟦"type=cache,target=/x"⟧ make',
    pick: (ast) => [first(ast).flags[0].value],
    values: ['type=cache,target=/x'],
  },
  { name: 'arguments after flags', source: 'COPY --link ⟦a b c⟧', pick: (ast) => [first(ast).argumentsText], values: ['a b c'] },
  { name: 'shell form is one argument', source: 'RUN ⟦apt-get update && apt-get install -y curl⟧', pick: (ast) => first(ast).args, values: ['apt-get update && apt-get install -y curl'] },
  {
    name: 'exec form elements decode JSON',
    source: 'CMD [⟦"echo"⟧, ⟦"a\\"b"⟧, ⟦"\\u00e9"⟧]',
    pick: (ast) => first(ast).args,
    values: ['echo', 'a"b', 'é'],
  },
  { name: 'exec form brackets', source: 'ENTRYPOINT ⟦[⟧"sh"⟦]⟧', pick: (ast) => [first(ast).exec?.open, first(ast).exec?.close] },
  { name: 'empty exec form', source: 'CMD ⟦[]⟧', pick: (ast) => [first(ast).argumentsText], values: ['[]'] },
  {
    name: 'argument continued over lines, comment and empty line skipped',
    source: 'RUN ⟦echo a \\\n  # a comment\n\n  b⟧',
    pick: (ast) => first(ast).args,
    values: ['echo a   b'],
  },
  { name: 'continuation characters', source: 'RUN a ⟦\\⟧\n  b ⟦\\⟧  \n  c', pick: (ast) => first(ast).continuations },
  { name: 'comment inside a continuation', source: 'RUN a \\\n  ⟦# between⟧\n  b', pick: (ast) => first(ast).comments },
  { name: 'ADD/COPY shell form splits on blanks', source: 'ADD\t⟦a⟧  ⟦b⟧\t⟦/c/⟧', pick: (ast) => first(ast).args, values: ['a', 'b', '/c/'] },
  { name: 'COPY exec form', source: 'COPY [⟦"a b"⟧, ⟦"/c"⟧]', pick: (ast) => first(ast).args, values: ['a b', '/c'] },
  {
    name: 'ENV pairs: keys, equals and values keep quotes',
    source: 'ENV ⟦A⟧⟦=⟧⟦1⟧ ⟦B⟧⟦=⟧⟦"x y"⟧',
    pick: (ast) => first(ast).keyValues.flatMap((pair) => [pair.key, pair.equals, pair.value]),
    values: ['A', undefined, '1', 'B', undefined, '"x y"'],
  },
  { name: 'legacy ENV key value', source: 'ENV ⟦PATH⟧ ⟦/usr/bin:$PATH x⟧', pick: (ast) => [first(ast).keyValues[0].key, first(ast).keyValues[0].value], values: ['PATH', '/usr/bin:$PATH x'] },
  {
    name: 'ARG with and without default',
    source: 'ARG ⟦A⟧ ⟦B⟧=⟦2⟧',
    pick: (ast) => first(ast).keyValues.flatMap((pair) => [pair.key, pair.value]),
    values: ['A', undefined, 'B', '2'],
  },
  { name: 'LABEL pair with escaped space', source: 'LABEL ⟦a.b⟧=⟦x\\ y⟧', pick: (ast) => [first(ast).keyValues[0].key, first(ast).keyValues[0].value], values: ['a.b', 'x\\ y'] },
  { name: 'pair value over a continuation', source: 'ENV A=⟦"x \\\n y"⟧', pick: (ast) => [first(ast).keyValues[0].value], values: ['"x  y"'] },
  { name: 'HEALTHCHECK type and command', source: 'HEALTHCHECK --interval=5s ⟦CMD⟧ ⟦curl -f http://x/ || exit 1⟧', pick: (ast) => first(ast).args, values: ['CMD', 'curl -f http://x/ || exit 1'] },
  { name: 'HEALTHCHECK NONE', source: 'HEALTHCHECK ⟦NONE⟧', pick: (ast) => first(ast).args, values: ['NONE'] },
  {
    name: 'ONBUILD trigger',
    source: 'ONBUILD ⟦RUN⟧ --⟦network⟧=none ⟦make⟧',
    pick: (ast) => [first(ast).trigger?.keyword, first(ast).trigger?.flags[0].name, first(ast).trigger?.args[0]],
    values: ['RUN', 'network', 'make'],
  },
  { name: 'USER, WORKDIR take the whole rest', source: 'WORKDIR ⟦/my dir⟧', pick: (ast) => first(ast).args, values: ['/my dir'] },
  { name: 'unknown instruction is kept', source: '⟦RUNN⟧ make', pick: (ast) => [first(ast).keyword], values: ['RUNN'] },
  {
    name: 'heredoc marker, body and terminator',
    source: 'RUN ⟦<<EOF⟧\n⟦echo hi\n⟧⟦EOF⟧\nCMD x',
    pick: (ast) => [first(ast).heredocs[0].marker, first(ast).heredocs[0].body, first(ast).heredocs[0].terminator],
    values: ['<<EOF', undefined, undefined],
  },
  {
    name: 'two heredocs on one line',
    source: 'COPY ⟦<<a⟧ ⟦<<-"b"⟧ /dst/\nx\na\n\tb\n\tb\nRUN true',
    pick: (ast) => first(ast).heredocs.map((heredoc) => heredoc.marker),
    values: ['<<a', '<<-"b"'],
  },
  {
    name: 'blanks between << and the delimiter (BuildKit keeps them in the marker word)',
    source: "RUN cat ⟦<< 'EOF'⟧ > /a\nx\nEOF\nCOPY ⟦<<  b⟧ /b\ny\nb",
    pick: (ast) => ast.instructions.flatMap((instruction) => instruction.heredocs.map((heredoc) => heredoc.marker)),
    values: ["<< 'EOF'", '<<  b'],
  },
  { name: 'instruction span covers heredocs', source: '⟦RUN <<EOF\nbody\nEOF⟧\nCMD x', pick: (ast) => [first(ast)] },
  { name: 'directive name and value', source: '# ⟦escape⟧=⟦`⟧\nFROM x', pick: (ast) => [ast.directives[0].nameToken, ast.directives[0].valueToken], values: ['escape', '`'] },
  { name: 'backtick escape continues lines', source: '# escape=`\nRUN ⟦dir `\n  c:\\⟧', pick: (ast) => ast.instructions[0].args, values: ['dir   c:\\'] },
  { name: 'comments', source: '⟦# one⟧\nFROM x\n  ⟦#two⟧', pick: (ast) => ast.comments },
  { name: 'syntax directive: the frontend and its command line', source: '# syntax = ⟦docker/dockerfile:1 --x⟧\nFROM x', pick: (ast) => [ast.syntax?.value], values: ['docker/dockerfile:1 --x'] },
  { name: 'syntax directive after a #! line (BuildKit skips it)', source: '#!/usr/bin/env buildctl\n#syntax=⟦a/b:1⟧\nFROM x', pick: (ast) => [ast.syntax?.value], values: ['a/b:1'] },
  { name: 'syntax directive as a // comment', source: '// syntax=⟦example/yaml-frontend⟧\nimage: x', pick: (ast) => [ast.syntax?.value], values: ['example/yaml-frontend'] },
  { name: 'syntax key of a JSON file', source: '{\n  "syntax": "⟦example/json⟧",\n  "image": "x"\n}', pick: (ast) => [ast.syntax?.value], values: ['example/json'] },
  {
    name: 'non-BMP characters count as two UTF-16 units',
    source: 'LABEL ⟦emoji⟧=⟦"😀 ok"⟧',
    pick: (ast) => [first(ast).keyValues[0].key, first(ast).keyValues[0].value],
    values: ['emoji', '"😀 ok"'],
  },
];

describe('parser: token ranges and values', () => {
  for (const [eolName, eol] of EOLS) {
    describe(eolName, () => {
      for (const testCase of cases) {
        it(testCase.name, () => {
          const { text, ranges } = marked(testCase.source, eol);
          const ast = parseDockerfile(text);
          const picked = testCase.pick(ast);
          const spans = picked.filter((span): span is Span => span !== undefined);
          assert.deepEqual(
            spans.map((span) => ({ start: span.start, end: span.end })),
            ranges.map((range) => ({ start: range.start, end: range.end })),
            'offsets',
          );
          for (const span of spans) {
            assert.deepEqual(span.range, { start: positionOf(text, span.start), end: positionOf(text, span.end) }, 'LSP range');
            if ('text' in span) assert.equal((span as Token).text, text.slice(span.start, span.end), 'text is the source slice');
          }
          if (testCase.values) {
            assert.deepEqual(
              picked.map((span) => (span && 'value' in span && typeof (span as Token).value === 'string' ? (span as Token).value : undefined)),
              testCase.values,
              'values',
            );
          }
        });
      }
    });
  }
});

describe('parser: here-document content and the syntax directive', () => {
  for (const [eolName, eol] of EOLS) {
    it(`${eolName}: content is the body lines with LF breaks, as BuildKit reads them`, () => {
      const ast = parseDockerfile(['RUN <<EOF', 'echo a', '', 'echo b', 'EOF', 'COPY <<-x /f', '\tkeep tabs', '\tx'].join(eol));
      assert.deepEqual(
        ast.instructions.map((instruction) => instruction.heredocs[0].content),
        ['echo a\n\necho b\n', '\tkeep tabs\n'],
      );
    });
  }

  it('drops one CR per line, like BuildKit\'s line scanner', () => {
    assert.equal(parseDockerfile('RUN <<EOF\r\na\r\r\nb\rc\r\nEOF\r\n').instructions[0].heredocs[0].content, 'a\r\nb\rc\n');
  });

  it('names the form the frontend was chosen in, and none when there is none', () => {
    const form = (text: string) => parseDockerfile(text).syntax?.form;
    assert.deepEqual(
      [form('# syntax=a\nFROM x'), form('// syntax=a\n'), form('{"syntax": "a"}'), form('FROM x\n# syntax=a'), form('{"syntax": "a", "n": 1}'), form('# escape=`\n# syntax=b')],
      ['#', '//', 'json', undefined, undefined, '#'],
    );
  });
});
