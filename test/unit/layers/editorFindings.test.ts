import { strict as assert } from 'node:assert';
import { analyzeText } from '../../../server/src/dockerfile';
import { layerFindings } from '../../../server/src/layers/editor/layerFindings';
import { historyMatches, mapInstructions, stageChain } from '../../../server/src/layers/mapping/instructionMapping';
import type { ImageAnalysis } from '../../../server/src/layers/model';
import { analyseLayers, bytes } from './support/analyse';

const lesson = [
  'FROM busybox',
  'RUN dd if=/dev/zero of=/big1 bs=1k count=100',
  'ARG SIZE=1',
  'RUN dd if=/dev/zero of=/big2 bs=1k count=200',
  'RUN rm -f /big1',
  'ENV KEEP=1',
  'RUN rm -f /big2',
];

/** The image BuildKit makes of `lesson`: a base layer, then one step per instruction but ARG. */
function lessonImage(): Promise<ImageAnalysis> {
  return analyseLayers(
    [
      [{ name: 'bin/busybox', data: bytes(1000) }],
      [{ name: 'big1', data: bytes(100_000) }],
      [{ name: 'big2', data: bytes(200_000) }],
      [{ name: '.wh.big1' }],
      [{ name: '.wh.big2' }],
    ],
    {
      history: [
        { createdBy: '/bin/sh -c #(nop) ADD file:abc in / ' },
        { createdBy: '/bin/sh -c #(nop)  CMD ["sh"]', empty: true },
        { createdBy: 'RUN /bin/sh -c dd if=/dev/zero of=/big1 bs=1k count=100 # buildkit' },
        { createdBy: 'RUN |1 SIZE=1 /bin/sh -c dd if=/dev/zero of=/big2 bs=1k count=200 # buildkit' },
        { createdBy: 'RUN |1 SIZE=1 /bin/sh -c rm -f /big1 # buildkit' },
        { createdBy: 'ENV KEEP=1', empty: true },
        { createdBy: 'RUN |1 SIZE=1 /bin/sh -c rm -f /big2 # buildkit' },
      ],
    },
  );
}

for (const eol of ['\n', '\r\n']) {
  describe(`layers in the editor (${eol === '\n' ? 'LF' : 'CRLF'})`, () => {
    const text = lesson.join(eol) + eol;
    const document = analyzeText(text);

    it('maps every instruction of the file to its history step, skipping ARG', async () => {
      const analysis = await lessonImage();
      const mapping = mapInstructions(stageChain(document.model), analysis.history);
      assert.ok(historyMatches(mapping));
      assert.deepEqual(
        mapping.steps.map((step) => [step.instruction.range.start.line + 1, step.stepIndex, step.exact]),
        [
          [2, 2, true],
          [4, 3, true],
          [5, 4, true],
          [6, 5, true],
          [7, 6, true],
        ],
      );
    });

    it('shows each layer size and what later lines removed, and flags the removing RUNs with a merge fix', async () => {
      const analysis = await lessonImage();
      const mapping = mapInstructions(stageChain(document.model), analysis.history);
      const { hints, findings } = layerFindings(document, analysis, mapping, { minimumWastedBytes: 1000 });
      assert.deepEqual(
        hints.map((hint) => [hint.line + 1, hint.label]),
        [
          [2, '100 kB · 100 kB removed later (line 5)'],
          [4, '200 kB · 200 kB removed later (line 7)'],
          [5, '0 B · removes 100 kB'],
          [7, '0 B · removes 200 kB'],
        ],
      );
      assert.deepEqual(hints[0].position, { line: 1, character: lesson[1].length });
      assert.equal(findings.length, 2);
      assert.equal(findings[0].message.split(';')[0], 'This RUN removes 100 kB that line 2 wrote');
      assert.deepEqual(findings[0].range.start, { line: 4, character: 0 });
      // An ARG stands between line 2 and line 5: no mechanical merge.
      assert.equal(findings[0].fix, undefined);
      // Lines 4–7 hold an ENV: no merge either.
      assert.equal(findings[1].fix, undefined);
    });

    it('merges the writing and removing RUNs into one when only RUNs stand between them', async () => {
      const plain = analyzeText(['FROM busybox', 'RUN dd if=/dev/zero of=/big1 bs=1k count=100', 'RUN dd if=/dev/zero of=/big2 bs=1k count=200', 'RUN rm -f /big1', ''].join(eol));
      const analysis = await analyseLayers(
        [[{ name: 'bin/busybox', data: bytes(1000) }], [{ name: 'big1', data: bytes(100_000) }], [{ name: 'big2', data: bytes(200_000) }], [{ name: '.wh.big1' }]],
        {
          history: [
            { createdBy: 'ADD file:abc in /' },
            { createdBy: 'RUN /bin/sh -c dd if=/dev/zero of=/big1 bs=1k count=100 # buildkit' },
            { createdBy: 'RUN /bin/sh -c dd if=/dev/zero of=/big2 bs=1k count=200 # buildkit' },
            { createdBy: 'RUN /bin/sh -c rm -f /big1 # buildkit' },
          ],
        },
      );
      const { findings } = layerFindings(plain, analysis, mapInstructions(stageChain(plain.model), analysis.history), { minimumWastedBytes: 1000 });
      assert.equal(findings.length, 1);
      const fix = findings[0].fix;
      assert.ok(fix);
      assert.equal(fix.title, 'Merge lines 2–4 into one RUN, saving 100 kB');
      assert.deepEqual(fix.edit.range, { start: { line: 1, character: 0 }, end: { line: 3, character: 'RUN rm -f /big1'.length } });
      assert.equal(fix.edit.newText, `RUN dd if=/dev/zero of=/big1 bs=1k count=100 && \\${eol}    dd if=/dev/zero of=/big2 bs=1k count=200 && \\${eol}    rm -f /big1`);
    });

    it('does not claim an image whose history is another file', async () => {
      const analysis = await lessonImage();
      const other = analyzeText(['FROM busybox', 'RUN echo something else', ''].join(eol));
      assert.equal(historyMatches(mapInstructions(stageChain(other.model), analysis.history)), false);
    });

    it('follows FROM <stage> to the stages the final stage is built on', () => {
      const staged = analyzeText(['FROM busybox AS base', 'RUN echo one', 'FROM base', 'COPY a /a', ''].join(eol));
      assert.deepEqual(stageChain(staged.model).map((instruction) => instruction.name), ['RUN', 'COPY']);
    });
  });
}
