// language-configuration.json: VS Code applies the first on-enter rule whose regular expressions
// match the text before the cursor (and the line above, when the rule names one). These cases
// are what a user typing a Dockerfile sees after pressing Enter.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface OnEnterRule {
  readonly beforeText: string;
  readonly afterText?: string;
  readonly previousLineText?: string;
  readonly action: { readonly indent: 'none' | 'indent' | 'outdent' | 'indentOutdent' };
}
const configuration = JSON.parse(readFileSync(join(__dirname, '../../../language-configuration.json'), 'utf8')) as {
  comments: { lineComment: string };
  brackets: string[][];
  autoClosingPairs: { open: string; close: string }[];
  onEnterRules: OnEnterRule[];
};

/** What VS Code does on Enter at the end of `line` (with `previous` above it): the matching rule's action, or 'keep'. */
function onEnter(line: string, previous = ''): string {
  for (const rule of configuration.onEnterRules) {
    if (!new RegExp(rule.beforeText).test(line)) continue;
    if (rule.previousLineText !== undefined && !new RegExp(rule.previousLineText).test(previous)) continue;
    return rule.action.indent;
  }
  return 'keep';
}

describe('language configuration', () => {
  it('comments with #, brackets and auto-closing quotes', () => {
    assert.equal(configuration.comments.lineComment, '#');
    assert.deepEqual(configuration.brackets.map((pair) => pair.join('')), ['{}', '[]', '()']);
    assert.deepEqual(configuration.autoClosingPairs.map((pair) => pair.open + pair.close), ['{}', '[]', '()', '""', "''"]);
  });

  const cases: ReadonlyArray<{ name: string; line: string; previous?: string; expected: string }> = [
    { name: 'instruction continued with \\ → indent', line: 'RUN apt-get update \\', expected: 'indent' },
    { name: 'lower-case instruction continued → indent', line: 'run apt-get update \\', expected: 'indent' },
    { name: 'continued with trailing blanks after \\ → indent', line: 'RUN apt-get update \\  ', expected: 'indent' },
    { name: 'backtick escape → indent', line: 'RUN dir c:\\ `', expected: 'indent' },
    { name: 'exec form continued → indent', line: 'CMD ["nginx", \\', expected: 'indent' },
    { name: 'keyword alone, continued → indent', line: 'RUN \\', expected: 'indent' },
    { name: 'continuation line continued again → keep', line: '    && apt-get install -y curl \\', previous: 'RUN apt-get update \\', expected: 'none' },
    { name: 'continuation line with one word continued → keep (not indent again)', line: '    curl \\', previous: '    && apt-get install \\', expected: 'none' },
    { name: 'last continuation line → back to column 0', line: '    && rm -rf /var/lib/apt/lists/*', previous: '    && apt-get install -y curl \\', expected: 'outdent' },
    { name: 'one-character last line → back to column 0', line: '    b', previous: 'RUN a \\', expected: 'outdent' },
    { name: 'comment inside a continuation → keep', line: '    # pinned for reproducibility', previous: '    && apt-get update \\', expected: 'none' },
    { name: 'a plain instruction → nothing to do', line: 'RUN make', expected: 'keep' },
    { name: 'a comment at column 0 → nothing to do', line: '# build stage', expected: 'keep' },
    { name: 'an indented here-document line → keep', line: '    echo hello', previous: 'RUN <<EOF', expected: 'keep' },
  ];
  for (const { name, line, previous, expected } of cases) {
    it(`on Enter: ${name}`, () => assert.equal(onEnter(line, previous), expected));
  }
});
