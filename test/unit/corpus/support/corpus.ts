// Where the shared conformance corpus lives: ../shared/corpus next to the clone (or
// LAYERWISE_CORPUS). A fresh clone without it still passes: the corpus tests then skip and say so.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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
