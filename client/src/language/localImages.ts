// Answers the language server's questions about the engine's images (FROM completion and
// hover) from the shared EngineSession, and tells the server when the image list changes.
// Always answers quickly: without a reachable engine the answer is "none", never a wait.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ClientMethods,
  ServerMethods,
  type ImageDetailsParams,
  type ImageDetailsResult,
  type KnownImage,
  type LocalImagesResult,
} from '../../../server/src/protocol';
import { describeState, type EngineConnection, type EngineSession } from '../engine';
import type { ExplorerModel } from '../explorer/explorerModel';

/** How long an answer may wait for a connection that is being opened. */
const CONNECT_WAIT_MS = 2_000;
/** One engine call (list or inspect) for the editor. */
const CALL_TIMEOUT_MS = 4_000;

export function registerLocalImages(client: LanguageClient, session: EngineSession, model: ExplorerModel): vscode.Disposable {
  client.onRequest(ClientMethods.localImages, async (): Promise<LocalImagesResult> => {
    const engine = await openConnection(session);
    if (!engine) return { available: false, reason: describeState(session.state), images: [] };
    try {
      const images = await engine.listImages({ timeoutMs: CALL_TIMEOUT_MS });
      session.reportSuccess();
      return { available: true, images: images.filter((image) => !image.dangling).map(toKnownImage) };
    } catch (error) {
      session.reportFailure(error);
      return { available: false, reason: error instanceof Error ? error.message : String(error), images: [] };
    }
  });

  client.onRequest(ClientMethods.imageDetails, async (params: ImageDetailsParams): Promise<ImageDetailsResult> => {
    const engine = await openConnection(session);
    if (!engine) return null;
    try {
      return toImageDetails(await engine.inspectImage(params.reference, { timeoutMs: CALL_TIMEOUT_MS }));
    } catch {
      // Not on this engine (or the engine went away): the hover says so without details.
      return null;
    }
  });

  const notify = () => {
    if (client.isRunning()) void client.sendNotification(ServerMethods.localImagesChanged).catch(() => undefined);
  };
  const subscriptions = [session.onDidConnect(notify), model.onDidChange((scope) => scope.images && notify())];
  return new vscode.Disposable(() => subscriptions.forEach((subscription) => subscription.dispose()));
}

async function openConnection(session: EngineSession): Promise<EngineConnection | undefined> {
  const open = session.connectionIfOpen;
  if (open) return open;
  // A known failure answers at once; the server asks again later, or when told the engine changed.
  if (session.state.status === 'error') return undefined;
  let timer: NodeJS.Timeout | undefined;
  const connection = await Promise.race([
    session.connection().catch(() => undefined),
    new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), CONNECT_WAIT_MS))),
  ]);
  clearTimeout(timer);
  return connection;
}

function toKnownImage(image: { id: string; repoTags: readonly string[]; repoDigests: readonly string[]; created: number; sizeBytes: number }): KnownImage {
  return { id: image.id, repoTags: image.repoTags, repoDigests: image.repoDigests, created: image.created, sizeBytes: image.sizeBytes };
}

/** The `.Config` keys a stage inherits from its base image (what the config prediction reads). */
const INHERITED_CONFIG_KEYS = ['User', 'WorkingDir', 'Env', 'Cmd', 'Entrypoint', 'ExposedPorts', 'Labels', 'Volumes', 'StopSignal', 'Healthcheck', 'Shell', 'OnBuild'] as const;

/** The inspect document, shaped for the hover (Docker and Podman name these fields alike). */
function toImageDetails(info: any): ImageDetailsResult {
  if (!info || typeof info !== 'object') return null;
  const source = info.Config && typeof info.Config === 'object' ? info.Config : {};
  const config: Record<string, unknown> = {};
  for (const key of INHERITED_CONFIG_KEYS) if (source[key] !== undefined && source[key] !== null && source[key] !== '') config[key] = source[key];
  const platform = [info.Os, info.Architecture, info.Variant].filter((part) => typeof part === 'string' && part !== '').join('/');
  const digest = Array.isArray(info.RepoDigests) ? String(info.RepoDigests[0] ?? '').split('@')[1] : undefined;
  return {
    id: String(info.Id ?? ''),
    created: Math.floor(Date.parse(String(info.Created ?? '')) / 1000) || 0,
    sizeBytes: Number(info.Size ?? 0),
    layers: Array.isArray(info.RootFS?.Layers) ? info.RootFS.Layers.length : 0,
    digest: digest || undefined,
    platform: platform || undefined,
    config,
  };
}
