import { strict as assert } from 'node:assert';
import { DockerignoreMatcher, DockerignorePatternError, cleanPath, parseDockerignore } from '../../../client/src/engine/operations/dockerignore';

describe('.dockerignore reading', () => {
  const cases: Array<[string, string, string[]]> = [
    ['leading slash dropped, comments and blanks skipped', 'test1\n/test2\n/a/file/here\n\nlastfile\n# comment\n', ['test1', 'test2', 'a/file/here', 'lastfile']],
    ['exceptions are trimmed and cleaned', '! /inverted/abs/path\n!\n! ', ['!inverted/abs/path', '!', '!']],
    ['a # after the first column is part of the pattern', ' # not a comment', ['# not a comment']],
    ['paths are cleaned', 'a/./b/../c/\n./d', ['a/c', 'd']],
    ['CRLF and a BOM', '\uFEFFnode_modules\r\n*.log\r\n', ['node_modules', '*.log']],
  ];
  for (const [title, text, expected] of cases) {
    it(title, () => assert.deepEqual(parseDockerignore(text), expected));
  }

  it('cleans like Go path.Clean', () => {
    assert.equal(cleanPath(''), '.');
    assert.equal(cleanPath('a//b/'), 'a/b');
    assert.equal(cleanPath('../x/../../y'), '../../y');
    assert.equal(cleanPath('/..'), '/');
  });
});

describe('.dockerignore matching (Docker semantics)', () => {
  // [patterns, path, ignored]
  const cases: Array<[string, string, boolean]> = [
    ['*.log', 'debug.log', true],
    ['*.log', 'logs/debug.log', false],
    ['*/*.log', 'logs/debug.log', true],
    ['**/*.log', 'debug.log', true],
    ['**/*.log', 'a/b/c/debug.log', true],
    ['**/node_modules', 'node_modules', true],
    ['**/node_modules', 'pkg/node_modules/x/index.js', true],
    ['node_modules', 'node_modules/x/index.js', true],
    ['node_modules', 'pkg/node_modules', false],
    ['/build', 'build/out.o', true],
    ['build/', 'build', true],
    ['docs/**', 'docs/a/b.md', true],
    ['docs/**', 'docs', false],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['a/**/b', 'a/x/y/bc', false],
    ['?.txt', 'a.txt', true],
    ['?.txt', 'ab.txt', false],
    ['[a-c].txt', 'b.txt', true],
    ['[^a-c].txt', 'b.txt', false],
    ['[^a-c].txt', 'd.txt', true],
    ['file.txt', 'fileXtxt', false],
    ['a+b', 'a+b', true],
    ['a+b', 'aab', false],
    ['(x)', '(x)', true],
    ['\\*.txt', '*.txt', true],
    ['\\*.txt', 'a.txt', false],
    ['*\n!keep.log', 'keep.log', false],
    ['*\n!keep.log', 'drop.log', true],
    ['*.md\n!README.md', 'README.md', false],
    ['*.md\n!README.md\nREADME*', 'README.md', true],
    ['logs\n!logs/keep', 'logs/keep', false],
    ['logs\n!logs/keep', 'logs/keep/inner', false],
    ['logs\n!logs/keep', 'logs/other', true],
    ['!x\n*', 'x', true],
    ['.git', '.git/HEAD', true],
    ['.*', '.env', true],
    ['.*', 'src/.env', false],
    ['**', 'anything/at/all', true],
    ['*', 'dir/file', true],
    ['', 'a', false],
  ];
  for (const [patterns, path, ignored] of cases) {
    it(`${JSON.stringify(patterns)} ${ignored ? 'ignores' : 'keeps'} ${path}`, () => {
      const matcher = new DockerignoreMatcher(parseDockerignore(patterns));
      assert.equal(matcher.ignores(path), ignored);
    });
  }

  it('says whether exclusions exist (an ignored directory may hold kept files)', () => {
    assert.equal(new DockerignoreMatcher(['a']).hasExclusions, false);
    assert.equal(new DockerignoreMatcher(['a', '!a/b']).hasExclusions, true);
  });

  for (const bad of ['!', '[a', 'x[]', 'a\\', '[a-]']) {
    it(`rejects the bad pattern ${JSON.stringify(bad)} with a message naming it`, () => {
      assert.throws(
        () => new DockerignoreMatcher([bad]),
        (error: unknown) => error instanceof DockerignorePatternError && error.message.includes(JSON.stringify(bad).slice(1, -1).replace(/\\\\/g, '\\')),
      );
    });
  }
});
