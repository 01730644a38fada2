// Shaping an image's layers: build order, the instruction behind each history entry, empty layers.
import { strict as assert } from 'node:assert';
import type { HistoryEntry } from '../../../client/src/engine';
import { instructionOf, shapeLayers } from '../../../client/src/explorer/shape/layers';
import { tooltipText } from '../../../client/src/explorer/shape/nodes';

const NOW = 1_700_000_000;
const entry = (createdBy: string, sizeBytes: number, comment = ''): HistoryEntry => ({ createdBy, sizeBytes, comment, created: NOW - 600, tags: [] });

describe('layer instructions', () => {
  const cases: Array<[string, string, string?]> = [
    ['/bin/sh -c #(nop)  CMD ["sh"]', 'CMD ["sh"]'],
    ['/bin/sh -c #(nop) ADD file:6d5e2c in / ', 'ADD file:6d5e2c in /'],
    ['/bin/sh -c apk add --no-cache curl', 'RUN apk add --no-cache curl'],
    ['|2 VERSION=1.2 TARGET=x /bin/sh -c make install', 'RUN make install'],
    ['RUN /bin/sh -c dd if=/dev/zero of=/big bs=1M count=100 # buildkit', 'RUN dd if=/dev/zero of=/big bs=1M count=100'],
    ['RUN |1 A=1 /bin/sh -c echo $A # buildkit', 'RUN echo $A'],
    ['COPY app /app # buildkit', 'COPY app /app'],
    ['ENV PATH=/usr/local/bin:/usr/bin', 'ENV PATH=/usr/local/bin:/usr/bin'],
    ['HEALTHCHECK &{["CMD-SHELL" "wget -q localhost"] "5s" "3s" "0s" "0s" \'\\x03\'}', 'HEALTHCHECK &{["CMD-SHELL" "wget -q localhost"] "5s" "3s" "0s" "0s" \'\\x03\'}'],
    ['', 'Imported from -', 'Imported from -'],
    ['', '(no instruction recorded)'],
  ];
  for (const [createdBy, expected, comment] of cases) {
    it(`${JSON.stringify(createdBy || comment || '(empty)')} → ${expected}`, () => {
      assert.equal(instructionOf({ createdBy, comment: comment ?? '' }), expected);
    });
  }
});

describe('layers view shaping', () => {
  // The engine returns history newest first.
  const history: HistoryEntry[] = [
    entry('/bin/sh -c #(nop)  CMD ["sh"]', 0),
    entry('/bin/sh -c rm -f /big', 0),
    entry('/bin/sh -c dd if=/dev/zero of=/big bs=1M count=100', 104_857_600),
    { ...entry('', 1_980_000, 'Imported from -'), id: 'sha256:0c2f6c9599bd0000' },
  ];
  const layers = shapeLayers(history, 'sha256:img', 'app:1', NOW);

  it('lists the entries in build order, base first, numbered from 0', () => {
    assert.deepEqual(layers.map((layer) => layer.label), ['Imported from -', 'RUN dd if=/dev/zero of=/big bs=1M count=100', 'RUN rm -f /big', 'CMD ["sh"]']);
    assert.deepEqual(layers.map((layer) => layer.index), [0, 1, 2, 3]);
  });

  it('size and age in the description; empty layers dimmed and marked', () => {
    assert.equal(layers[1]!.description, '105 MB · 10 minutes ago');
    assert.equal(layers[2]!.description, '10 minutes ago · empty');
    assert.deepEqual(layers.map((layer) => layer.dimmed), [false, false, true, true]);
    assert.deepEqual(layers.map((layer) => layer.contextValue), ['layer', 'layer', 'layer.empty', 'layer.empty']);
  });

  it('the tooltip holds the full instruction and says which layer it is', () => {
    assert.match((tooltipText(layers[1]!) ?? ''), /\*\*Layer 2 of 4\*\*/);
    assert.match((tooltipText(layers[1]!) ?? ''), /```dockerfile\nRUN dd if=\/dev\/zero of=\/big bs=1M count=100\n```/);
    assert.match((tooltipText(layers[3]!) ?? ''), /metadata only/);
    assert.match((tooltipText(layers[0]!) ?? ''), /Image: `0c2f6c9599bd`/);
  });

  it('ids are unique per image and position', () => {
    assert.deepEqual(layers.map((layer) => layer.id), ['layer:sha256:img:0', 'layer:sha256:img:1', 'layer:sha256:img:2', 'layer:sha256:img:3']);
  });
});
