// An analysis built from the previous version's keeps that version's nodes, and so whatever
// those nodes hold. A V8 slice keeps its whole text alive: if each version's nodes held slices
// of their own text, every edit below all earlier ones would leave one more copy of the whole
// document in memory (50 such edits of a 10,000-line file: 51 copies, 18 MB). Here a fresh Node
// process edits a document from top to bottom, keeps only the last analysis, and writes a heap
// snapshot; the versions of the document's text in it are found by the marker it starts with,
// and told apart by their length (each edit adds a character).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const coreUrl = pathToFileURL(join(__dirname, '../../../server/src/dockerfile/index.ts')).href;
const MARKER = '# kept-texts marker';

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** The versions of the document in the heap snapshot: the lengths of the strings that start with MARKER and are at least `length` long. */
function wholeTexts(snapshotFile: string, length: number): Set<number> {
  const heap = JSON.parse(readFileSync(snapshotFile, 'utf8')) as HeapSnapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field));
  const versions = new Set<number>();
  for (let i = 0; i < heap.nodes.length; i += fields.length) {
    if (types[heap.nodes[i + typeAt]] !== 'string') continue;
    if (heap.nodes[i + sizeAt] < length || !heap.strings[heap.nodes[i + nameAt]].startsWith(MARKER)) continue;
    versions.add(heap.nodes[i + sizeAt]);
  }
  return versions;
}

describe('texts an edited document keeps', () => {
  it('keeps the first version and the last, whatever the edits in between', function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'layerwise-kept-texts-'));
    try {
      const snapshotFile = join(dir, 'after-edits.heapsnapshot');
      // Long flags, tokens and comments: the strings that were slices (13 characters or more).
      const script = `
        import core from ${JSON.stringify(coreUrl)};
        import { writeHeapSnapshot } from 'node:v8';
        const lines = [${JSON.stringify(MARKER)}, 'FROM debian:bookworm-slim AS base'];
        for (let i = 0; i < 300; i++) {
          lines.push('# installs the tools of part ' + i + ' of the application');
          lines.push('RUN --mount=type=cache,target=/var/cache/apt-' + i + ' apt-get install -y --no-install-recommends package-' + i);
          lines.push('COPY --chown=app:app --chmod=0755 ./source-directory-' + i + ' /opt/application/part-' + i);
        }
        let text = lines.join('\\n') + '\\n';
        let analysis = core.analyzeText(text);
        // 30 edits, each below the one before: one character added at the end of a RUN line.
        for (let edit = 0; edit < 30; edit++) {
          let at = text.indexOf('RUN --mount', Math.floor(((edit + 0.5) / 30) * text.length));
          at = text.indexOf('\\n', at);
          text = text.slice(0, at) + 'x' + text.slice(at);
          analysis = core.analyzeText(text, {}, analysis);
        }
        globalThis.kept = analysis;
        writeHeapSnapshot(${JSON.stringify(snapshotFile)});
        process.stdout.write(String(text.length));
      `;
      const length = Number(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' }));
      // The last text (the analysis's own) and the first one (the nodes read from it, still in
      // use); before, one more for each of the 30 edits.
      const versions = wholeTexts(snapshotFile, length - 30);
      assert.ok(versions.size >= 1 && versions.size <= 2, `the heap held ${versions.size} versions of the document's text after 30 edits moving down it`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
