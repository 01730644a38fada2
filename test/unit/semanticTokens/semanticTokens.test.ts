import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../../server/src/dockerfile';
import { semanticTokens, semanticTokensEdits, TOKEN_MODIFIERS, TOKEN_TYPES } from '../../../server/src/dockerfile/semanticTokens';
import { EOLS, withEol } from '../navigation/markers';

/** Decodes the relative encoding into `line:text=type[.modifier…]` strings. */
function decode(text: string, data: readonly number[]): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    const modifiers = TOKEN_MODIFIERS.filter((_, bit) => data[i + 4] & (1 << bit));
    out.push(`${line}:${lines[line].slice(character, character + data[i + 2])}=${[TOKEN_TYPES[data[i + 3]], ...modifiers].join('.')}`);
  }
  return out;
}

const cases: ReadonlyArray<{ name: string; source: string; tokens: string[] }> = [
  {
    name: 'directive, global ARG, FROM with variable, stage declaration',
    source: '# syntax=docker/dockerfile:1\nARG BASE=debian:12\nFROM ${BASE} AS build\n',
    tokens: ['0:syntax=macro', '0:docker/dockerfile:1=string', '1:ARG=keyword', '1:BASE=variable.declaration', '2:FROM=keyword', '2:${BASE}=variable', '2:AS=keyword', '2:build=class.declaration'],
  },
  {
    name: 'flags, mount fields, stage and image references',
    source: 'FROM golang AS build\nFROM alpine\nRUN --mount=type=cache,target=/root/.cache,from=build make\nCOPY --from=nginx:1 --chown=1:1 /a /b\n',
    tokens: [
      '0:FROM=keyword', '0:golang=type', '0:AS=keyword', '0:build=class.declaration',
      '1:FROM=keyword', '1:alpine=type',
      '2:RUN=keyword', '2:--mount=parameter', '2:type=property', '2:cache=string', '2:target=property', '2:/root/.cache=string', '2:from=property', '2:build=class',
      '3:COPY=keyword', '3:--from=parameter', '3:nginx:1=type', '3:--chown=parameter', '3:1:1=string',
    ],
  },
  {
    name: 'variables: declaration, use, predefined; uses inside a default',
    source: 'FROM a\nENV APP=/app\nRUN echo $APP ${TARGETARCH} ${X:-$APP}\n',
    tokens: ['0:FROM=keyword', '0:a=type', '1:ENV=keyword', '1:APP=variable.declaration', '2:RUN=keyword', '2:$APP=variable', '2:${TARGETARCH}=variable.defaultLibrary', '2:X=variable', '2:$APP=variable'],
  },
  {
    name: 'exec form, here-document delimiters, HEALTHCHECK CMD, LABEL keys, comment inside a continuation',
    source: 'FROM a\nCMD ["nginx", "-g"]\nRUN <<EOF\necho hi\nEOF\nHEALTHCHECK CMD true\nLABEL version=1\nRUN a \\\n# note\n  b\n',
    tokens: ['0:FROM=keyword', '0:a=type', '1:CMD=keyword', '1:"nginx"=string', '1:"-g"=string', '2:RUN=keyword', '2:<<EOF=label', '4:EOF=label', '5:HEALTHCHECK=keyword', '5:CMD=keyword', '6:LABEL=keyword', '6:version=property', '7:RUN=keyword', '8:# note=comment'],
  },
  {
    name: 'a JSON string across a continuation is split per line',
    source: 'FROM a\nCMD ["one \\\n  two"]\n',
    tokens: ['0:FROM=keyword', '0:a=type', '1:CMD=keyword', '1:"one \\=string', '2:  two"=string'],
  },
];

describe('semantic tokens', () => {
  for (const [eolName, eol] of EOLS) {
    for (const { name, source, tokens } of cases) {
      it(`${name} (${eolName})`, () => {
        const text = withEol(source, eol);
        assert.deepEqual(decode(text, semanticTokens(analyzeText(text)).data), tokens);
      });
    }
  }

  it('a range request answers the tokens of those lines only', () => {
    const text = 'FROM a\nENV X=1\nRUN echo $X\nCMD ["x"]\n';
    const document = analyzeText(text);
    const ranged = decode(text, semanticTokens(document, { startLine: 1, endLine: 2 }).data);
    assert.deepEqual(ranged, ['1:ENV=keyword', '1:X=variable.declaration', '2:RUN=keyword', '2:$X=variable']);
  });

  it('a delta turns the previous result into the new one', () => {
    const before = semanticTokens(analyzeText('FROM a\nENV X=1\nRUN echo $X\n')).data;
    const after = semanticTokens(analyzeText('FROM a\nENV X=1\nENV Y=2\nRUN echo $X\n')).data;
    const edits = semanticTokensEdits(before, after);
    assert.equal(edits.length, 1);
    const applied = [...before];
    applied.splice(edits[0].start, edits[0].deleteCount, ...(edits[0].data ?? []));
    assert.deepEqual(applied, after);
    assert.ok((edits[0].data?.length ?? 0) < after.length, 'the delta is smaller than the full result');
    assert.equal(edits[0].start % 5, 0, 'edits keep whole tokens');
    assert.deepEqual(semanticTokensEdits(after, after), []);
  });

  const trailingBackslash = join(__dirname, '../../../../shared/corpus/buildkit-parser/testfiles/trailing-backslash/Dockerfile');
  if (existsSync(trailingBackslash)) it('answers on BuildKit\'s trailing-backslash test file (rcjsuen\'s overflows its stack there)', () => {
    const text = readFileSync(trailingBackslash, 'utf8');
    const data = semanticTokens(analyzeText(text)).data;
    assert.ok(data.length > 0 && data.length % 5 === 0);
  });

  it('tokens never overlap and stay within their line, on a long generated file', () => {
    const parts = ['ARG BASE=debian:12', 'FROM ${BASE} AS build'];
    for (let i = 0; i < 2000; i++) parts.push(i % 3 === 0 ? `RUN --mount=type=cache,target=/c${i} echo $V${i} \\\n    && ls` : `ENV V${i}=value_${i}`);
    const text = parts.join('\n') + '\n';
    const data = semanticTokens(analyzeText(text)).data;
    const lines = text.split('\n');
    let line = 0;
    let end = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      if (data[i] > 0) end = 0;
      line += data[i];
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      assert.ok(character >= end, `overlap at ${line}:${character}`);
      assert.ok(character + data[i + 2] <= lines[line].length, `token past the end of line ${line}`);
      end = character + data[i + 2];
    }
  });
});
