import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyzeText, dumpBuildkit } from '../../../server/src/dockerfile';
import { applyEdits, formatEdits, formatOnType, type FormatOptions } from '../../../server/src/dockerfile/format';
import { applyTextEdits, EOLS, marked, withEol } from '../navigation/markers';

const spaces4: FormatOptions = { tabSize: 4, insertSpaces: true };

function format(text: string, options: FormatOptions = spaces4, lines?: { startLine: number; endLine: number }): string {
  return applyEdits(text, formatEdits(analyzeText(text), options, lines));
}

const cases: ReadonlyArray<{ name: string; input: string; output: string; options?: Partial<FormatOptions> }> = [
  {
    name: 'keywords upper case, one space after, no indentation, no trailing blanks',
    input: '  from   alpine:3.20  \nrun   echo hi   \n\tcopy  a  b\n',
    output: 'FROM alpine:3.20\nRUN echo hi\nCOPY a b\n',
  },
  {
    name: 'FROM words one space apart',
    input: 'from  golang:1.23   as   build\n',
    output: 'FROM golang:1.23 as build\n',
  },
  {
    name: 'RUN continuation re-indented where the command text stays the same',
    input: 'FROM a\nRUN apt-get update   \\\n  && apt-get install -y curl\\\n    && rm -rf /var/lib/apt/lists/*\n',
    output: 'FROM a\nRUN apt-get update \\\n    && apt-get install -y curl\\\n    && rm -rf /var/lib/apt/lists/*\n',
  },
  {
    name: 'RUN continuation kept where only moving many blanks before the escape would keep the command',
    input: 'FROM a\nRUN apt-get update \\\n        && apt-get install -y curl\n',
    output: 'FROM a\nRUN apt-get update \\\n        && apt-get install -y curl\n',
  },
  {
    name: 'RUN continuation kept where re-indenting would change the command BuildKit records',
    input: 'FROM a\nRUN apt-get update \\\n  && apt-get install -y curl\n',
    output: 'FROM a\nRUN apt-get update \\\n  && apt-get install -y curl\n',
  },
  {
    name: 'RUN continuation re-indented anyway with shellContinuationIndent: always',
    input: 'FROM a\nRUN apt-get update \\\n  && apt-get install -y curl\n',
    output: 'FROM a\nRUN apt-get update \\\n    && apt-get install -y curl\n',
    options: { shellContinuationIndent: 'always' },
  },
  {
    name: 'quoted text across a continuation is never re-indented, even with always',
    input: 'FROM a\nRUN echo "one \\\n  two"\n',
    output: 'FROM a\nRUN echo "one \\\n  two"\n',
    options: { shellContinuationIndent: 'always' },
  },
  {
    name: 'COPY, ENV pairs and exec-form elements re-indent freely between words',
    input: 'FROM a\nCOPY a \\\n  b /c/\nENV A=1 \\\n      B=2\nCMD ["a", \\\n"b"]\n',
    output: 'FROM a\nCOPY a \\\n    b /c/\nENV A=1 \\\n    B=2\nCMD ["a", \\\n    "b"]\n',
  },
  {
    name: 'a value continued inside quotes keeps its blanks',
    input: 'FROM a\nLABEL description="one \\\n  two" \\\n  version=1\n',
    output: 'FROM a\nLABEL description="one \\\n  two" \\\n    version=1\n',
  },
  {
    name: 'a word continued across lines is not split',
    input: 'FROM a\nCOPY sr\\\nc /dst/\n',
    output: 'FROM a\nCOPY sr\\\nc /dst/\n',
  },
  {
    name: 'here-document bodies and terminators untouched',
    input: 'from a\nrun <<EOF  \n  indented   \n\tEOF-not-end  \nEOF\ncopy <<-END /x\n\tkeep\t\n\tEND\n',
    output: 'FROM a\nRUN <<EOF\n  indented   \n\tEOF-not-end  \nEOF\nCOPY <<-END /x\n\tkeep\t\n\tEND\n',
  },
  {
    name: 'comments and empty lines inside a continuation',
    input: 'FROM a\nRUN a \\\n# note   \n   \n    && b\n',
    output: 'FROM a\nRUN a \\\n    # note\n\n    && b\n',
  },
  {
    name: 'ONBUILD and its trigger',
    input: 'FROM a\nonbuild   run   make\n',
    output: 'FROM a\nONBUILD RUN make\n',
  },
  {
    name: 'backtick escape directive',
    input: '# escape=`\nfrom a\nrun dir c:\\   `\n  && echo done\n',
    output: '# escape=`\nFROM a\nRUN dir c:\\ `\n    && echo done\n',
  },
  {
    name: 'tabs when the editor indents with tabs',
    input: 'FROM a\nCOPY a \\\n  b /c/\n',
    output: 'FROM a\nCOPY a \\\n\tb /c/\n',
    options: { insertSpaces: false },
  },
  {
    name: 'keyword case kept when asked',
    input: 'from a\n',
    output: 'from a\n',
    options: { uppercaseKeywords: false },
  },
  {
    name: 'indented directive left as it is; unknown instruction keeps its case',
    input: '  # syntax=docker/dockerfile:1\nFROM a\nfoo   bar\n',
    output: '  # syntax=docker/dockerfile:1\nFROM a\nfoo bar\n',
  },
  {
    name: 'final newlines trimmed and inserted as the editor asks',
    input: 'FROM a\nRUN x\n\n\n\n',
    output: 'FROM a\nRUN x\n',
    options: { trimFinalNewlines: true, insertFinalNewline: true },
  },
  {
    name: 'here-documents of an ONBUILD trigger left as they are (an indented terminator ends nothing)',
    input: 'from a\nonbuild run <<-EOF\n\t echo a\nEOF\nonbuild copy <<EOF /x\nkept\nEOF\n',
    output: 'FROM a\nONBUILD RUN <<-EOF\n\t echo a\nEOF\nONBUILD COPY <<EOF /x\nkept\nEOF\n',
  },
  {
    // BuildKit reads `\\` at a line's end as an escaped escape: the blank keeps the line continued.
    name: 'the blank between an escaped blank and the line\'s escape kept',
    input: 'FROM a\nRUN echo a\\ \\\n   b\nRUN echo c \\\\ \\\n   d\n',
    output: 'FROM a\nRUN echo a\\ \\\n   b\nRUN echo c \\\\ \\\n   d\n',
  },
  {
    // Both the instruction's indentation and the blanks before its escape: one edit, not two.
    name: 'an escape alone on the first line of an instruction',
    input: ' \\\n o\n',
    output: '\\\n  o\n',
    options: { tabSize: 2 },
  },
  {
    name: 'the same with the backtick escape',
    input: '# escape=`\nFROM a\nRUN echo a` `\n   b\n',
    output: '# escape=`\nFROM a\nRUN echo a` `\n   b\n',
  },
  {
    // The blanks of a line holding only an escape end one continuation and start the next: the
    // second pair, balanced first, left the first to balance at the next save.
    name: 'a line that is only an escape: settled in one formatting',
    input: 'FROM a\nrun a b\\    \\\n     \\\n# c\nc d\n',
    output: 'FROM a\nRUN a b\\ \\\n    \\\n    # c\n    c d\n',
  },
  {
    name: 'the same after a comment line, with tabs',
    input: 'FROM a\n\tLABEL echo a\t\\ \n# c\n\\ \nCOPY A=1 \\\n \\ b\n',
    output: 'FROM a\nLABEL echo a\\\n\t# c\n\\\n\tCOPY A=1 \\\n \\ b\n',
    options: { tabSize: 2, insertSpaces: false, uppercaseKeywords: false },
  },
  {
    name: 'the same before an escaped escape',
    input: 'from a\nCMD A=1   \\\t\n\\\nc d\\\\\t\\  \n# c\nb\n',
    output: 'FROM a\nCMD A=1 \\\n\\\n  c d\\\\\t\\\n  # c\nb\n',
    options: { tabSize: 2 },
  },
  {
    // Editors count a lone carriage return as a line break; sh and BuildKit read it as part of a word.
    name: 'a carriage return inside a word is not a line to indent (shell continuations re-indented)',
    input: 'FROM a\nRUN echo a \\\n  j\rava\n',
    output: 'FROM a\nRUN echo a \\\n  j\rava\n',
    options: { shellContinuationIndent: 'always' },
  },
  { name: 'final newline inserted, in the file\'s line-break style', input: 'FROM a\nRUN x', output: 'FROM a\nRUN x\n', options: { insertFinalNewline: true } },
];

describe('formatting', () => {
  for (const [eolName, eol] of EOLS) {
    for (const { name, input, output, options } of cases) {
      it(`${name} (${eolName})`, () => {
        const text = withEol(input, eol);
        const formatOptions = { ...spaces4, ...options };
        const formatted = format(text, formatOptions);
        assert.equal(formatted, withEol(output, eol));
        const edits = formatEdits(analyzeText(text), formatOptions, undefined);
        edits.forEach((edit, index) => assert.ok(index === 0 || edit.start >= edits[index - 1].end, `edits overlap: ${JSON.stringify(edits)}`));
        assert.equal(format(formatted, formatOptions), formatted, 'formatting twice changes nothing');
        if (options?.shellContinuationIndent !== 'always') {
          assert.equal(dumpBuildkit(analyzeText(formatted).ast), dumpBuildkit(analyzeText(text).ast), 'BuildKit sees the same file');
        }
      });
    }
  }

  it('range formatting touches only the lines asked for', () => {
    const text = 'from a\nrun  x  \ncopy  a  b\n';
    assert.equal(format(text, spaces4, { startLine: 1, endLine: 1 }), 'from a\nRUN x\ncopy  a  b\n');
  });

  it('range formatting inside a continued RUN keeps the command text', () => {
    const text = 'FROM a\nRUN a   \\\n  && b \\\n        && c\n';
    const formatted = format(text, spaces4, { startLine: 2, endLine: 2 });
    assert.equal(formatted, 'FROM a\nRUN a \\\n    && b \\\n        && c\n');
    assert.equal(dumpBuildkit(analyzeText(formatted).ast), dumpBuildkit(analyzeText(text).ast));
  });
});

describe('formatting on type', () => {
  const cases: ReadonlyArray<{ name: string; source: string; after: string }> = [
    { name: 'Enter after a continuation indents the new line', source: 'FROM a\nrun apt-get update \\\n‸\n', after: 'FROM a\nRUN apt-get update \\\n    \n' },
    { name: 'Enter after a finished instruction formats it', source: 'FROM a\ncopy   a  b   \n‸', after: 'FROM a\nCOPY a b\n' },
    { name: 'Enter inside a here-document changes nothing', source: 'FROM a\nRUN <<EOF\n  x \\\n‸\nEOF\n', after: 'FROM a\nRUN <<EOF\n  x \\\n\nEOF\n' },
  ];
  for (const [eolName, eol] of EOLS) {
    for (const { name, source, after } of cases) {
      it(`${name} (${eolName})`, () => {
        const fixture = marked(withEol(source, eol));
        const position = fixture.lines.positionAt(fixture.cursor);
        const edits = formatOnType(analyzeText(fixture.text), position, '\n', spaces4);
        assert.equal(applyTextEdits(fixture.text, edits), withEol(after, eol));
      });
    }
  }
});

// The promise made to users: formatting never changes what BuildKit sees, and is idempotent,
// on every real-world Dockerfile of the shared corpus (when it is there) and BuildKit's own tests.
const corpusRoot = join(__dirname, '../../../../shared/corpus');
describe('formatting the corpus', function () {
  this.timeout(120_000);
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  const present = existsSync(join(corpusRoot, 'real'));
  if (!present) console.log('    (the shared corpus is not beside this clone: formatting is proven on it where it is)');
  if (present) it('every real Dockerfile and BuildKit test file: same BuildKit dump, idempotent (LF and CRLF, both indent modes)', () => {
    const all = [...files(join(corpusRoot, 'real')), ...files(join(corpusRoot, 'buildkit-parser')).filter((path) => /Dockerfile/.test(path))];
    assert.ok(all.length >= 359, `corpus has ${all.length} files`);
    const failures: string[] = [];
    let changed = 0;
    for (const path of all) {
      for (const [, eol] of EOLS) {
        const text = withEol(readFileSync(path, 'utf8'), eol);
        const before = dumpBuildkit(analyzeText(text).ast);
        const formatted = format(text);
        if (formatted !== text) changed++;
        if (dumpBuildkit(analyzeText(formatted).ast) !== before) failures.push(`dump changed: ${relative(corpusRoot, path)}`);
        if (format(formatted) !== formatted) failures.push(`not idempotent: ${relative(corpusRoot, path)}`);
        const always = { ...spaces4, shellContinuationIndent: 'always' as const };
        const formattedAlways = format(text, always);
        if (format(formattedAlways, always) !== formattedAlways) failures.push(`not idempotent (always): ${relative(corpusRoot, path)}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(changed > 0, 'the corpus holds files the formatter changes');
  });
});
