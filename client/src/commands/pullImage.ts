// Pull Image: asks for a name (checked as it is typed), pulls it with per-layer progress and the
// registry's credentials (asking for a login when refused), then shows the image selected in the
// Images view. Search Images hands its pick here too.
import * as vscode from 'vscode';
import { normalizeRegistry, registryOfReference } from '../engine/operations/credentials';
import { PullResult, pullImage, pullTarget } from '../engine/operations/pull';
import { formatBytes } from '../explorer/shape/format';
import { isCancellation, withCancellableProgress } from '../ui/progress';
import { OperationContext, engineWork, imageRefsFromArgs, isImageNode } from './operationContext';
import { registerCommand } from './registerCommand';
import type { PullImageTarget } from '../../../server/src/protocol';
import { RegistryAuth, describeSource, withRegistryLogin } from './registryAuth';

export interface PullCommandOptions {
  /** Fail on "unauthorized" instead of asking for a login (tests, scripted use). */
  readonly noPrompt?: boolean;
  /** `os/arch[/variant]` (FROM --platform); the engine's own platform when absent. */
  readonly platform?: string;
}

/** Pulls `reference` as the command does; undefined when cancelled or a login was declined. */
export type PullByReference = (reference: string, options?: PullCommandOptions) => Promise<PullResult | undefined>;

export function registerPullCommand(context: OperationContext, auth: RegistryAuth): PullByReference {
  const pull: PullByReference = async (reference, options = {}) => {
    const target = pullTarget(reference);
    const registry = registryOfReference(target.reference);
    const name = options.platform ? `${target.reference} for ${options.platform}` : target.reference;
    try {
      const result = await withRegistryLogin(auth, registry, { noPrompt: options.noPrompt, log: (line) => context.operationsOutput.appendLine(line) }, async (credentials) => {
        context.operationsOutput.appendLine(`\n=== Pull ${name}${credentials ? ` (credentials from ${describeSource(credentials)})` : ' (no credentials)'} ===`);
        return withCancellableProgress(`Pulling ${name}`, (progress, signal) =>
          engineWork(context, (engine) =>
            pullImage(engine, {
              reference: target.reference,
              platform: options.platform,
              credentials,
              signal,
              onProgress: (update) => {
                const bytes = update.bytesTotal > 0 ? ` · ${formatBytes(update.bytes)} of ${formatBytes(update.bytesTotal)}` : '';
                progress.report(`${update.layersDone}/${update.layers} layers${bytes}`, update.fraction);
              },
            }),
          ),
        );
      });
      if (!result) return undefined;
      context.operationsOutput.appendLine(
        result.downloaded ? `Pulled ${result.reference}${result.digest ? ` (${result.digest})` : ''}: image ${result.imageId}.` : `${result.reference} is up to date: image ${result.imageId}.`,
      );
      await reveal(result);
      void vscode.window.showInformationMessage(result.downloaded ? `Pulled ${result.reference}.` : `${result.reference} is up to date.`);
      return result;
    } catch (error) {
      if (isCancellation(error)) {
        void vscode.window.showInformationMessage(`The pull of ${target.reference} was cancelled; no image was tagged.`);
        return undefined;
      }
      throw error;
    }
  };

  /** The pulled image, in sight and selected; by ID when the engine names it otherwise (docker.io/library/x is shown as x). */
  async function reveal(result: PullResult): Promise<void> {
    const explorer = context.explorer;
    if (!explorer) return;
    try {
      const shown = await explorer.revealImages([result.reference]);
      if (shown.revealed.length === 0 && result.imageId) await explorer.revealImages([result.imageId]);
    } catch (error) {
      context.log.warn(`Could not reveal ${result.reference} in the Images view: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  // From the palette (asks), a FROM line's action (a name or a PullImageTarget, or a list of
  // them: every base a file needs), or the context menu of one or more image tags (pulling a tag
  // again fetches what it names now).
  registerCommand(context.extension, context.log, 'layerwise.image.pull', async (given?: unknown, second?: unknown) => {
    const options = typeof second === 'object' && second !== null && !Array.isArray(second) ? (second as PullCommandOptions) : {};
    const targets: PullImageTarget[] = Array.isArray(given)
      ? given.flatMap(asTarget)
      : isImageNode(given)
        ? imageRefsFromArgs([given, second]).map((reference) => ({ reference, platform: '' }))
        : asTarget(given);
    if (targets.length === 0) {
      const asked = await askReference();
      if (asked) targets.push({ reference: asked, platform: '' });
    }
    for (const target of targets) await pull(target.reference, { ...options, ...(target.platform ? { platform: target.platform } : {}) });
  });

  return pull;
}

/** A name, or an image for a platform; anything else names nothing. */
function asTarget(value: unknown): PullImageTarget[] {
  if (typeof value === 'string') return value.trim() ? [{ reference: value, platform: '' }] : [];
  if (typeof value === 'object' && value !== null && typeof (value as PullImageTarget).reference === 'string') {
    const { reference, platform } = value as PullImageTarget;
    return [{ reference, platform: typeof platform === 'string' ? platform : '' }];
  }
  return [];
}

async function askReference(): Promise<string | undefined> {
  const configured = normalizeRegistry(vscode.workspace.getConfiguration('layerwise.registry').get<string>('default', '') || 'docker.io');
  return vscode.window.showInputBox({
    title: 'Pull Image',
    prompt: 'name[:tag], registry/name[:tag] or name@sha256:<digest> (no tag: latest)',
    value: configured !== 'docker.io' ? `${configured}/` : '',
    ignoreFocusOut: true,
    validateInput: (value) => {
      if (!value.trim()) return undefined;
      try {
        pullTarget(value);
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  });
}
