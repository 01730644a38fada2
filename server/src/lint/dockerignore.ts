// The .dockerignore of the build context a Dockerfile is usually built with (its own directory),
// for the CopyIgnoredFile rule: `<Dockerfile>.dockerignore` next to the file wins over
// `.dockerignore`, as with BuildKit. Matched with the engine module's Docker-exact matcher.
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DockerignoreMatcher, parseDockerignore } from '../../../client/src/engine/operations/dockerignore';

/** `path → excluded?` for the Dockerfile at `dockerfilePath`; undefined without a (valid) .dockerignore. */
export async function contextIgnoresFor(dockerfilePath: string): Promise<((path: string) => boolean) | undefined> {
  const directory = dirname(dockerfilePath);
  for (const candidate of [join(directory, `${basename(dockerfilePath)}.dockerignore`), join(directory, '.dockerignore')]) {
    let text: string;
    try {
      text = await readFile(candidate, 'utf8');
    } catch {
      continue;
    }
    try {
      const matcher = new DockerignoreMatcher(parseDockerignore(text));
      return (path) => matcher.ignores(path);
    } catch {
      // An invalid pattern fails `docker build` with its own message; the rule stays quiet.
      return undefined;
    }
  }
  return undefined;
}
