// The predicted image configuration against the engine on real-world Dockerfiles: every file of
// the shared corpus (when it is beside this clone), reduced to what can be built here without a
// network or a base image, is built with BuildKit and its recorded .Config compared with the
// prediction for the same text. The reduction keeps every instruction that only sets
// configuration, as written (ENV, ARG, LABEL, WORKDIR, USER, EXPOSE, VOLUME, CMD, ENTRYPOINT,
// SHELL, HEALTHCHECK, STOPSIGNAL, ONBUILD of those, MAINTAINER, the escape directive); each FROM
// becomes `FROM scratch` (or the earlier stage it names) with its stage name; RUN, COPY and ADD
// go, since they need a filesystem and a shell.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { analyzeText, normalizeWorkdir, parseDockerfile, predictImageConfig } from '../../../server/src/dockerfile';
import { docker, uniqueName, useCleanup, TEST_LABEL, RUN_ID } from '../support';

const corpusRoot = join(__dirname, '../../../../shared/corpus/real');
const NEEDS_A_FILESYSTEM = new Set(['RUN', 'COPY', 'ADD']);
// BuildKit creates a WORKDIR owned by the current USER; a user named (not numbered) must then be
// in the image's /etc/passwd, which scratch has not. Such files cannot be built here, and the
// prediction must say so.
const NAMED_USER_ON_SCRATCH = /invalid user index: -1|unable to find user/;

/** The configuration-only Dockerfile of `text`, built on scratch. */
export function configurationOnly(text: string): string {
  const ast = parseDockerfile(text);
  const stages = new Set<string>();
  let out = ast.escapeChar === '`' ? '# escape=`\n' : '';
  for (const instruction of ast.instructions) {
    if (instruction.name === 'FROM') {
      const words = instruction.args.map((arg) => arg.value);
      const as = words.findIndex((word) => word.toLowerCase() === 'as');
      const name = as >= 0 ? words[as + 1] : undefined;
      const base = words[0] !== undefined && stages.has(words[0].toLowerCase()) ? words[0] : 'scratch';
      out += `FROM ${base}${name ? ` AS ${name}` : ''}\n`;
      if (name) stages.add(name.toLowerCase());
    } else if (!instruction.known || NEEDS_A_FILESYSTEM.has(instruction.name)) {
      continue;
    } else if (instruction.name === 'ONBUILD' && (!instruction.trigger || NEEDS_A_FILESYSTEM.has(instruction.trigger.name))) {
      continue;
    } else {
      // BuildKit reads lines without their carriage returns; so does the parser of this text.
      out += `${text.slice(instruction.start, instruction.end).replace(/\r/g, '')}\n`;
    }
  }
  return out;
}

const files = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });

describe('predicted image config equals the engine’s on the corpus (configuration only, on scratch)', function () {
  this.timeout(900_000);
  const cleanup = useCleanup();
  const present = existsSync(corpusRoot);
  if (!present) console.log('    (the shared corpus is not beside this clone: the prediction is checked on it where it is)');

  if (present) it('every real Dockerfile: same .Config, values and key order', async () => {
    const all = files(corpusRoot).filter((path) => !path.endsWith('.md'));
    assert.ok(all.length >= 359, `corpus has ${all.length} files`);
    const mismatches: string[] = [];
    const olderBuildkit: string[] = [];
    const unbuildable: string[] = [];
    let compared = 0;
    for (const path of all) {
      const name = relative(corpusRoot, path);
      const dockerfile = configurationOnly(readFileSync(path, 'utf8'));
      const tag = cleanup.image(`${uniqueName('corpus-config')}:1`);
      try {
        await docker(['build', '-q', '--label', `${TEST_LABEL}=${RUN_ID}`, '-t', tag, '-'], { input: dockerfile, env: { DOCKER_BUILDKIT: '1' } });
      } catch (error) {
        const message = (error as Error).message;
        const failure = predictImageConfig(analyzeText(dockerfile).model);
        const predicted = !('error' in failure) && failure.errors.length > 0;
        if (NAMED_USER_ON_SCRATCH.test(message) && predicted) unbuildable.push(name);
        else mismatches.push(`${name}: the build failed${predicted ? '' : ', not predicted'}: ${message}\n${dockerfile}`);
        continue;
      }
      const actual = JSON.parse(await docker(['image', 'inspect', '--format', '{{json .Config}}', tag]));
      await docker(['rmi', '-f', tag]);
      const prediction = predictImageConfig(analyzeText(dockerfile).model, { labels: { [TEST_LABEL]: RUN_ID } });
      compared++;
      if ('error' in prediction) {
        mismatches.push(`${name}: no prediction: ${prediction.error}`);
        continue;
      }
      if (prediction.errors.length > 0) mismatches.push(`${name}: predicts a failure the build did not have: ${prediction.errors.map((error) => error.message).join('; ')}`);
      const predicted: Record<string, unknown> = { ...prediction.config };
      const differing = [...new Set([...Object.keys(actual), ...Object.keys(predicted)])].filter((key) => !isDeepStrictEqual(actual[key], predicted[key]));
      // The BuildKit inside dockerd 20.10 (this engine) cleans the directory a WORKDIR that expands
      // to nothing keeps; the prediction follows current BuildKit, which keeps it as recorded.
      const cleanedByOlderBuildkit =
        differing.length === 1 && differing[0] === 'WorkingDir' && typeof predicted.WorkingDir === 'string' && normalizeWorkdir('/', predicted.WorkingDir) === actual.WorkingDir;
      if (cleanedByOlderBuildkit) olderBuildkit.push(name);
      else if (differing.length > 0) {
        const shown = differing.map((key) => `${key}: engine ${JSON.stringify(actual[key])}, predicted ${JSON.stringify(predicted[key])}`);
        mismatches.push(`${name}:\n  ${shown.join('\n  ')}`);
      } else if (JSON.stringify(Object.keys(actual)) !== JSON.stringify(Object.keys(predicted))) {
        mismatches.push(`${name}: key order ${Object.keys(predicted).join(',')} against ${Object.keys(actual).join(',')}`);
      }
    }
    assert.deepEqual(mismatches, [], `${mismatches.length} of ${compared} built files differ`);
    console.log(`      ${compared} built and equal (${olderBuildkit.length} but for this engine's older WORKDIR cleaning), ${unbuildable.length} name a user on scratch (failure predicted)`);
    // Most files are built: a reduction that lost them all would prove nothing.
    assert.ok(compared >= all.length - 20, `only ${compared} of ${all.length} files could be built (${unbuildable.length} name a user on scratch)`);
  });
});
