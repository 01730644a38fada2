// Where the shared conformance corpus lives: ../shared/corpus next to the clone (or
// LAYERWISE_CORPUS). A fresh clone without it still passes: the corpus tests then skip and say so.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
