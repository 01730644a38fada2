// Signature help as a user sees it: the cursor (‸) in an instruction, the form shown and the
// parameter highlighted. Every case runs with LF and CRLF.
import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/dockerfile';
import { signatureHelp } from '../../../server/src/dockerfile/signatureHelp';
import { answersAtEveryOffset, parserTestFiles } from '../corpus/support/corpus';
import { EOLS, marked } from '../parser/support/markers';

interface Case {
  readonly name: string;
  readonly source: string;
  /** The active signature's label starts with this; null: no signature help. */
  readonly signature: string | null;
  /** The highlighted parameter's text; null: none is. */
  readonly parameter?: string | null;
}

const cases: Case[] = [
  { name: 'COPY: first argument is a source', source: 'FROM a\nCOPY ‸', signature: 'COPY [--from=', parameter: '<src>…' },
  { name: 'COPY: the last argument is the destination', source: 'FROM a\nCOPY a.txt b.txt ‸', signature: 'COPY', parameter: '<dest>' },
  { name: 'COPY: a middle argument is a source', source: 'FROM a\nCOPY a.txt b‸.txt /dst/', signature: 'COPY', parameter: '<src>…' },
  { name: 'COPY: the flag being typed', source: 'FROM a\nCOPY --ch‸', signature: 'COPY', parameter: '[--chown=<user>:<group>]' },
  { name: 'COPY: a boolean flag', source: 'FROM a\nCOPY --link‸', signature: 'COPY', parameter: '[--link]' },
  { name: 'COPY: arguments after flags', source: 'FROM a\nCOPY --from=build /out ‸', signature: 'COPY', parameter: '<dest>' },
  { name: 'ADD: destination', source: 'FROM a\nADD https://x/y.tgz ‸', signature: 'ADD', parameter: '<dest>' },
  { name: 'ADD: --checksum', source: 'FROM a\nADD --checksum=‸', signature: 'ADD', parameter: '[--checksum=<hash>]' },
  { name: 'FROM: image', source: 'FROM alp‸', signature: 'FROM', parameter: '<image>' },
  { name: 'FROM: tag', source: 'FROM alpine:3‸', signature: 'FROM', parameter: '[:<tag>|@<digest>]' },
  { name: 'FROM: stage name', source: 'FROM alpine AS ‸', signature: 'FROM', parameter: '[AS <name>]' },
  { name: 'FROM: platform', source: 'FROM --platform=‸', signature: 'FROM', parameter: '[--platform=<platform>]' },
  { name: 'HEALTHCHECK: options', source: 'FROM a\nHEALTHCHECK --retries=‸', signature: 'HEALTHCHECK [--interval=', parameter: '[--retries=<n>]' },
  { name: 'HEALTHCHECK: CMD', source: 'FROM a\nHEALTHCHECK --interval=5s ‸', signature: 'HEALTHCHECK [--interval=', parameter: 'CMD <command>' },
  { name: 'HEALTHCHECK NONE', source: 'FROM a\nHEALTHCHECK NO‸', signature: 'HEALTHCHECK [--interval=', parameter: 'CMD <command>' },
  { name: 'HEALTHCHECK NONE written', source: 'FROM a\nHEALTHCHECK NONE ‸', signature: 'HEALTHCHECK NONE', parameter: 'NONE' },
  { name: 'EXPOSE: port', source: 'FROM a\nEXPOSE 8‸', signature: 'EXPOSE', parameter: '<port>' },
  { name: 'EXPOSE: protocol', source: 'FROM a\nEXPOSE 80 53/‸', signature: 'EXPOSE', parameter: '[/<protocol>]' },
  { name: 'USER: user', source: 'FROM a\nUSER ap‸', signature: 'USER <user>[:<group>]', parameter: '<user>' },
  { name: 'USER: group', source: 'FROM a\nUSER app:‸', signature: 'USER', parameter: '[:<group>]' },
  { name: 'ARG: default', source: 'FROM a\nARG NAME=‸', signature: 'ARG', parameter: '[=<default>]' },
  { name: 'CMD exec form', source: 'FROM a\nCMD [‸', signature: 'CMD ["<executable>"', parameter: '["<executable>", "<param>"…]' },
  { name: 'CMD after an exec ENTRYPOINT: parameters', source: 'FROM a\nENTRYPOINT ["top"]\nCMD [‸', signature: 'CMD ["<param>"…]' },
  { name: 'CMD shell form', source: 'FROM a\nCMD echo ‸', signature: 'CMD <command>' },
  { name: 'RUN shell form', source: 'FROM a\nRUN make ‸', signature: 'RUN [--mount=', parameter: '<command>' },
  { name: 'RUN exec form', source: 'FROM a\nRUN ["make", ‸', signature: 'RUN [--mount=', parameter: '["<executable>", "<param>"…]' },
  { name: 'RUN --mount', source: 'FROM a\nRUN --mount=type=cache,‸', signature: 'RUN', parameter: '[--mount=type=<type>,…]' },
  { name: 'continuation line', source: 'FROM a\nCOPY a \\\n  b ‸', signature: 'COPY', parameter: '<dest>' },
  { name: 'ONBUILD trigger', source: 'FROM a\nONBUILD COPY . ‸', signature: 'COPY', parameter: '<dest>' },
  { name: 'on the keyword: none', source: 'FROM a\nCO‸PY a b', signature: null },
  { name: 'in a comment: none', source: 'FROM a\n# COPY ‸', signature: null },
  { name: 'on an empty line: none', source: 'FROM a\n‸', signature: null },
  { name: 'an unknown flag: the signature, no parameter active', source: 'FROM a\nCOPY --doit‸ /a /b', signature: 'COPY', parameter: null },
];

describe('signature help', () => {
  for (const [eolName, eol] of EOLS) {
    for (const testCase of cases) {
      it(`${eolName}: ${testCase.name}`, () => {
        const { text, cursor } = marked(testCase.source, eol);
        const help = signatureHelp(analyzeText(text), cursor!);
        if (testCase.signature === null) {
          assert.equal(help, null);
          return;
        }
        assert.ok(help, 'signature help');
        const signature = help.signatures[help.activeSignature ?? 0];
        assert.ok(signature.label.startsWith(testCase.signature), `signature ${JSON.stringify(signature.label)} starts with ${JSON.stringify(testCase.signature)}`);
        if (testCase.parameter === null) assert.equal(help.activeParameter, null);
        else if (testCase.parameter !== undefined) {
          const parameter = signature.parameters?.[help.activeParameter ?? -1];
          assert.ok(parameter, 'an active parameter');
          const [start, end] = parameter.label as [number, number];
          assert.equal(signature.label.slice(start, end), testCase.parameter);
        }
      });
    }
  }

  it('every signature documents its parameters', () => {
    const help = signatureHelp(analyzeText('FROM a\nCOPY '), 'FROM a\nCOPY '.length)!;
    for (const parameter of help.signatures[0].parameters ?? []) assert.ok(parameter.documentation, 'documented');
  });

  const parserFiles = parserTestFiles();
  it(`answers at every offset of BuildKit's parser test files without throwing (${parserFiles.length} files, LF and CRLF)`, function () {
    if (parserFiles.length === 0) this.skip();
    answersAtEveryOffset(parserFiles, 'signature help', (document, offset) => signatureHelp(document, offset));
  });
});
