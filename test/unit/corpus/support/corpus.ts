// Where the shared conformance corpus lives: ../shared/corpus next to the clone (or
// LAYERWISE_CORPUS). A fresh clone without it still passes: the corpus tests then skip and say so.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { strict as assert } from 'node:assert';
import { join, resolve } from 'node:path';
import { analyzeText, type DockerfileDocument } from '../../../../server/src/dockerfile';

export function corpusRoot(part: 'buildkit-parser' | 'real'): string | undefined {
  const base = process.env.LAYERWISE_CORPUS ?? resolve(__dirname, '../../../../../shared/corpus');
  const dir = join(base, part);
  return existsSync(dir) ? dir : undefined;
}

/** The real-world Dockerfiles of the corpus: [relative name, text]. */
export function realDockerfiles(): [string, string][] {
  const root = corpusRoot('real');
  if (!root) return [];
  const files: [string, string][] = [];
  for (const repository of readdirSync(root).sort()) {
    for (const file of readdirSync(join(root, repository)).sort()) files.push([`${repository}/${file}`, readFileSync(join(root, repository, file), 'utf8')]);
  }
  return files;
}

/** Every file of BuildKit's parser tests, inputs and results alike: [relative path, text]. */
export function parserTestFiles(): [string, string][] {
  const root = corpusRoot('buildkit-parser');
  if (!root) return [];
  const files: [string, string][] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push([path.slice(root.length + 1), readFileSync(path, 'utf8')]);
    }
  };
  walk(root);
  return files;
}

/**
 * Asks `answer` at every offset of each file, with LF and with CRLF line breaks; a throw fails
 * the test naming the feature, the file and the offset.
 */
export function answersAtEveryOffset(files: readonly [string, string][], feature: string, answer: (document: DockerfileDocument, offset: number) => unknown): void {
  for (const [name, source] of files) {
    for (const eol of ['\n', '\r\n']) {
      const text = source.replace(/\r?\n/g, eol);
      const document = analyzeText(text);
      for (let offset = 0; offset <= text.length; offset++) {
        try {
          answer(document, offset);
        } catch (error) {
          assert.fail(`${feature} threw at ${name}:${offset}: ${(error as Error).stack}`);
        }
      }
    }
  }
}
