// The shell reader on top of mvdan-sh: words with their unquoted values and exact UTF-16 offsets,
// pipelines, nested commands, redirections, syntax errors with their position, and scripts too
// deep or too long for a recursive reader; and the two routes into the parser (straight into Go,
// or through mvdan-sh's JavaScript API) reading every script alike.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/dockerfile';
import { parseShell, parseShellThroughApi, shellParserRoute } from '../../../server/src/dockerfile/shell/parseShell';
import { realDockerfiles } from '../corpus/support/corpus';

describe('shell reader', () => {
  it('reads commands, words, values and offsets (non-ASCII text included)', () => {
    const text = 'DEBIAN_FRONTEND=noninteractive apt-get install -y "lib é" \'q\' $PKG && echo ü';
    const script = parseShell(text);
    assert.equal(script.error, undefined);
    assert.equal(script.commands.length, 2);
    const [install, echo] = script.commands;
    assert.deepEqual(install.assignments, ['DEBIAN_FRONTEND']);
    assert.deepEqual(install.words.map((word) => word.value), ['apt-get', 'install', '-y', 'lib é', 'q', undefined]);
    for (const word of [...install.words, ...echo.words]) assert.equal(text.slice(word.start, word.end), word.text);
    assert.equal(echo.words[1].value, 'ü');
  });

  it('marks piped and nested commands, and reads redirections', () => {
    const script = parseShell('curl -fsSL https://x | tar -xz -C /opt > /dev/null 2>&1; X=$(cat /etc/os-release)');
    assert.deepEqual(script.commands.map((command) => [command.words[0]?.value, command.inPipeline, command.nested]), [
      ['curl', true, false],
      ['tar', true, false],
      [undefined, false, false],
      ['cat', false, true],
    ]);
    assert.equal(script.pipes.length, 1);
    assert.deepEqual(script.commands[1].redirects.map((redirect) => [redirect.operator, redirect.fileDescriptor, redirect.target?.value]), [
      ['>', undefined, '/dev/null'],
      ['>&', '2', '1'],
    ]);
  });

  it('reports a syntax error where it is', () => {
    const script = parseShell('echo ok; echo "unclosed');
    assert.equal(script.error?.message, 'reached EOF without closing quote "');
    assert.equal(script.error?.offset, 14);
  });

  it('reads a chain of 50,000 commands, and gives up quietly on nesting deeper than the parser goes', () => {
    const chain = parseShell(`${'true && '.repeat(50_000)}true`);
    assert.equal(chain.commands.length, 50_001);
    const deep = parseShell('('.repeat(5000));
    assert.deepEqual([deep.commands.length, deep.error], [0, undefined]);
  });

  it('parses straight into the Go parser with the pinned mvdan-sh', () => {
    assert.equal(shellParserRoute(), 'direct');
  });

  it('reads every script as through mvdan-sh\'s JavaScript API: words, offsets, errors (the corpus too, when present)', () => {
    const scripts = [
      'DEBIAN_FRONTEND=noninteractive apt-get install -y "lib é" \'q\' $PKG && echo ü',
      'echo 😀 "$x" ${y:-z} | grep -v ö > /tmp/ü 2>&1',
      "echo 'a' \"b\" `c` $(d) <(e) && f || g |& h",
      'x=1 y=2 cmd 2>&1 >> out <<< here',
      'cat <<EOF\nbody é\nEOF\necho done',
      'apt-get update \\\r\n  && apt-get install -y curl\r\n',
      'echo ok; echo "unclosed',
      'echo é; echo ${ö}',
      'declare -A ö=()',
      'if then fi',
      '',
      '('.repeat(5000),
    ];
    for (const [, text] of realDockerfiles()) {
      for (const instruction of analyzeText(text).ast.instructions) {
        if (instruction.name === 'RUN' && instruction.form === 'shell' && instruction.argumentsText) scripts.push(instruction.argumentsText.value);
      }
    }
    for (const script of scripts) assert.deepEqual(parseShell(script), parseShellThroughApi(script), JSON.stringify(script.slice(0, 80)));
    assert.deepEqual(
      ['echo é; echo ${ö}', 'declare -A ö=()'].map((script) => parseShell(script).error),
      [
        { offset: 15, message: 'invalid parameter name' },
        { offset: 11, message: 'invalid var name' },
      ],
    );
  });
});

