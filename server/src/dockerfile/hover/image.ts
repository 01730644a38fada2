// Hover on the base image of a FROM line: the reference taken apart (registry, repository, tag,
// digest pinning) and, when the engine has the image, its size, creation date, layer count,
// digest and the config a stage starts from.
import type { ImageReference, Stage } from '..';
import { formatBytes } from '../completion/items';
import { code } from '../reference/markdown';
import { localImage } from '../baseImages/local';
import { pullPlatform } from '../baseImages/missing';
import type { HoverOptions, ImageDetails } from './types';

/** The reference FROM names, after substitution, when the stage's base is an image. */
export function baseImageOf(stage: Stage): ImageReference | undefined {
  return stage.base.kind === 'image' ? stage.base.reference : undefined;
}

export function imageHover(stage: Stage, options: HoverOptions): string {
  const reference = baseImageOf(stage);
  if (!reference) {
    if (stage.base.kind === 'scratch') return '**scratch** — the empty image: the stage starts with no files, no environment and no default command.';
    const written = stage.baseToken?.text ?? '';
    return `**${written}** — the base image name depends on values not known here (${code(stage.baseName?.value ?? written)}).`;
  }
  const parts = [`**${reference.text}** — base image of stage ${stage.name ? code(stage.name) : stage.index}`];
  const facts = [`- Registry: ${reference.registry ?? 'Docker Hub (docker.io)'}`, `- Repository: ${code(reference.repository)}`];
  if (reference.tag) facts.push(`- Tag: ${code(reference.tag)}`);
  else if (!reference.digest) facts.push('- Tag: none, so `latest`: pin a version for repeatable builds');
  if (reference.digest) facts.push(`- Pinned by digest: ${code(reference.digest)}`);
  if (stage.platform) facts.push(`- Platform: ${code(stage.platform.value)}`);
  parts.push(facts.join('\n'));

  const details = options.imageDetails?.get(reference.text);
  const local = localImage(options.images ?? [], reference);
  if (details) parts.push(engineFacts(details));
  else if (local) parts.push(`On your engine: ${formatBytes(local.sizeBytes)}, created ${formatCreated(local.created)}, ID ${code(shortId(local.id))}.`);
  // The light bulb offers a pull where the platform is known here (baseImages/missing.ts).
  else if (options.images) parts.push(pullPlatform(stage) === null ? 'Not on your engine: the build pulls it.' : 'Not on your engine: the build pulls it, or pull it now from the light bulb.');
  return parts.join('\n\n');
}

function engineFacts(details: ImageDetails): string {
  const rows = [
    `- Size: ${formatBytes(details.sizeBytes)}`,
    `- Created: ${formatCreated(details.created)}`,
    `- Layers: ${details.layers}`,
    `- ID: ${code(shortId(details.id))}`,
  ];
  if (details.digest) rows.push(`- Digest: ${code(details.digest)}`);
  if (details.platform) rows.push(`- Platform: ${code(details.platform)}`);
  const config = details.config;
  if (config?.User) rows.push(`- User: ${code(config.User)}`);
  if (config?.WorkingDir) rows.push(`- Working directory: ${code(config.WorkingDir)}`);
  if (config?.Entrypoint?.length) rows.push(`- Entrypoint: ${code(JSON.stringify(config.Entrypoint))}`);
  if (config?.Cmd?.length) rows.push(`- Command: ${code(JSON.stringify(config.Cmd))}`);
  return `On your engine:\n\n${rows.join('\n')}`;
}

function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

function formatCreated(epochSeconds: number): string {
  return `${new Date(epochSeconds * 1000).toISOString().replace('T', ' ').slice(0, 16)} UTC`;
}
