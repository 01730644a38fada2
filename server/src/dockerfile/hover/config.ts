// The FROM line's hover: the image configuration the stage will have (the core's prediction of
// `docker image inspect .Config`), led by what a container of it runs and what `docker run`
// arguments replace. With the engine's config of the base image the prediction is complete.
import { analyzeText, predictImageConfig, type BaseImageConfig, type ConfigPrediction, type DockerfileDocument, type ImageConfig, type Instruction, type Stage } from '..';
import { formatGoDuration } from '../config/duration';
import { code } from '../reference/markdown';
import type { ImageDetails } from './types';

/** Re-analysing with the base image's config is cheap for ordinary files; very long ones keep the cached model. */
const MAX_REANALYSED_LENGTH = 200_000;
const MAX_LISTED = 8;

export function stageConfigMarkdown(document: DockerfileDocument, stage: Stage, details: ImageDetails | undefined): string | undefined {
  const isLast = stage.index === document.model.stages.length - 1;
  // The prediction targets a stage by name (as `--target` does) or the last stage.
  if (!stage.name && !isLast) return undefined;
  const prediction = predict(document, stage, details);
  if (!prediction) return undefined;
  const config = prediction.config;
  const line = (field: keyof ImageConfig) => sourceOf(prediction.sources[field]);
  const rows: string[] = [];
  rows.push(...runs(config, line));
  if (config.User) rows.push(`- User: ${code(config.User)}${line('User')}`);
  if (config.WorkingDir) rows.push(`- Working directory: ${code(config.WorkingDir)}${line('WorkingDir')}`);
  const ports = Object.keys(config.ExposedPorts ?? {});
  if (ports.length) rows.push(`- Exposed ports: ${ports.map(code).join(', ')}${line('ExposedPorts')}`);
  const env = config.Env ?? [];
  if (env.length) rows.push(`- Environment: ${list(env.map((entry) => (entry.length > 80 ? `${entry.slice(0, 80)}…` : entry)))}${line('Env')}`);
  const labels = Object.entries(config.Labels ?? {});
  if (labels.length) rows.push(`- Labels: ${list(labels.map(([key, value]) => `${key}=${value}`))}${line('Labels')}`);
  const volumes = Object.keys(config.Volumes ?? {});
  if (volumes.length) rows.push(`- Volumes: ${volumes.map(code).join(', ')}${line('Volumes')}`);
  if (config.Healthcheck) rows.push(`- Health check: ${describeHealthcheck(config.Healthcheck)}${line('Healthcheck')}`);
  if (config.StopSignal) rows.push(`- Stop signal: ${code(config.StopSignal)}${line('StopSignal')}`);
  if (config.Shell) rows.push(`- Shell: ${code(JSON.stringify(config.Shell))}${line('Shell')}`);
  if (config.OnBuild?.length) rows.push(`- ONBUILD triggers: ${config.OnBuild.length}${line('OnBuild')}`);
  const title = `**Image config of stage ${stage.name ? code(stage.name) : stage.index}** (predicted \`docker image inspect\` .Config)`;
  const parts = [title, rows.join('\n') || 'Nothing set yet.'];
  if (!prediction.complete && prediction.notes.length) parts.push(`Incomplete: ${prediction.notes[0]}.`);
  if (prediction.errors.length) parts.push(`The build would fail: ${prediction.errors[0].message} (line ${prediction.errors[0].instruction.range.start.line + 1}).`);
  return parts.join('\n\n');
}

/** For CMD and ENTRYPOINT: what a container of the stage's image runs, in the end. */
export function stageRunsMarkdown(document: DockerfileDocument, stage: Stage, instruction: Instruction): string | undefined {
  if (!stage.name && stage.index !== document.model.stages.length - 1) return undefined;
  const prediction = predict(document, stage, undefined);
  if (!prediction) return undefined;
  const line = (field: keyof ImageConfig) => sourceOf(prediction.sources[field]);
  const field = instruction.name === 'CMD' ? 'Cmd' : 'Entrypoint';
  const last = prediction.sources[field];
  const overridden = last && last !== instruction ? `\n\nThis ${instruction.name} does not count: the one on line ${last.range.start.line + 1} replaces it (only the last one of a stage counts).` : '';
  return `**In the image of stage ${stage.name ? code(stage.name) : stage.index}:**\n${runs(prediction.config, line).join('\n')}${overridden}`;
}

function predict(document: DockerfileDocument, stage: Stage, details: ImageDetails | undefined): ConfigPrediction | undefined {
  let model = document.model;
  const base = stage.base.kind === 'image' ? stage.base.reference : undefined;
  const baseConfig = details?.config;
  if (base && baseConfig && document.text.length <= MAX_REANALYSED_LENGTH) {
    model = analyzeText(document.text, { ...document.model.options, baseImageConfig: (reference) => (reference.text === base.text ? baseConfig : undefined) }).model;
  }
  const prediction = predictImageConfig(model, { target: stage.name });
  return 'error' in prediction ? undefined : prediction;
}

/** What a container of the image runs, and what `docker run` arguments replace. */
function runs(config: ImageConfig, line: (field: keyof ImageConfig) => string): string[] {
  const entrypoint = config.Entrypoint ?? [];
  const cmd = config.Cmd ?? [];
  if (entrypoint.length === 0 && cmd.length === 0) return ['- Runs: nothing by default (`docker run` must name a command)'];
  const command = [...entrypoint, ...cmd].map(shellWord).join(' ');
  const rows = [`- Runs: ${code(command)}`];
  if (entrypoint.length) {
    rows.push(`  - ENTRYPOINT ${code(JSON.stringify(entrypoint))}${line('Entrypoint')}${cmd.length ? `, then CMD ${code(JSON.stringify(cmd))}${line('Cmd')}` : ''}`);
    rows.push(`  - \`docker run IMAGE args…\` ${cmd.length ? 'replaces the CMD part' : 'appends the arguments'}; \`--entrypoint\` replaces the ENTRYPOINT`);
  } else {
    rows.push(`  - CMD ${code(JSON.stringify(cmd))}${line('Cmd')}; \`docker run IMAGE command…\` replaces it`);
  }
  return rows;
}

function describeHealthcheck(health: NonNullable<ImageConfig['Healthcheck']>): string {
  const test = health.Test;
  if (test[0] === 'NONE') return 'disabled (NONE)';
  const command = test[0] === 'CMD-SHELL' ? test[1] : test.slice(1).join(' ');
  const every = health.Interval ? formatGoDuration(health.Interval) : '30s';
  return `${code(command ?? '')} every ${every}, timeout ${health.Timeout ? formatGoDuration(health.Timeout) : '30s'}, ${health.Retries || 3} retries`;
}

function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

function list(items: readonly string[]): string {
  const shown = items.slice(0, MAX_LISTED).map(code).join(', ');
  return items.length > MAX_LISTED ? `${shown} and ${items.length - MAX_LISTED} more` : shown;
}

function sourceOf(instruction: Instruction | undefined): string {
  return instruction ? ` (line ${instruction.range.start.line + 1})` : '';
}

export type { BaseImageConfig };
