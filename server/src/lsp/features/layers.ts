// Layer analysis for the client: the custom requests (analyse an image or archive with
// progress and cancellation, a layer's files folder by folder, the image a Dockerfile was built
// into) and, through the contribution hubs, code lenses, inlay hints, diagnostics and quick
// fixes in Dockerfiles (layersEditor.ts). The work runs here, in the language server process.
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { analyseArchiveFile, type AnalysisProgress } from '../../layers/analyseArchive';
import { layerDirectory } from '../../layers/analysis/layerFileTree';
import { formatBytes } from '../../layers/byteSize';
import { AnalysisCancelledError } from '../../layers/errors';
import type { ImageAnalysis } from '../../layers/model';
import {
  ImageNotFoundCode,
  LayersNotAnalysedCode,
  ServerMethods,
  type AnalyseLayersParams,
  type AssociateDockerfileImageParams,
  type LayerFileEntry,
  type LayerFilesParams,
  type LayersSummary,
} from '../../protocol';
import type { Feature, ServerContext } from '../feature';
import { describeFailure } from '../runSafe';
import { LayersEditor } from './layersEditor';
import { LayersService } from './layersService';

const summaryWastedPaths = 500;

export const layers: Feature = {
  name: 'layers',
  // Custom requests need no capability; lenses, hints and actions are announced by the hubs.
  capabilities: () => ({}),
  register(context) {
    const service = new LayersService(context);
    const editor = new LayersEditor(context, service);
    const { connection, contributions } = context;

    connection.onRequest(ServerMethods.analyseLayers, (params: AnalyseLayersParams, token) =>
      guarded(context, 'analyse layers', token, async (signal) => {
        const progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
        const what = params.image ?? params.archivePath ?? 'the image';
        progress.begin(`Analysing the layers of ${what}`, 0, 'Reading the image…', true);
        let lastPercent = -1;
        const onProgress = ({ bytesRead, totalBytes }: AnalysisProgress): void => {
          const percent = totalBytes ? Math.min(99, Math.floor((bytesRead / totalBytes) * 100)) : undefined;
          if (percent !== undefined && percent === lastPercent) return;
          lastPercent = percent ?? lastPercent;
          progress.report(percent ?? 0, `${formatBytes(bytesRead)} read${totalBytes ? ` of about ${formatBytes(totalBytes)}` : ''}`);
        };
        try {
          let analysis: ImageAnalysis;
          if (params.archivePath) {
            analysis = (await analyseArchiveFile(params.archivePath, { signal, onProgress, ...(params.archiveImage ? { image: params.archiveImage } : {}) })).analysis;
            service.cache.set(analysis);
          } else if (params.image) {
            analysis = await service.analyse(params.image, { signal, onProgress });
          } else {
            throw new ResponseError(ErrorCodes.InvalidParams, 'Name an image or an archive file to analyse.');
          }
          return summarise(analysis);
        } finally {
          progress.done();
        }
      }),
    );

    connection.onRequest(ServerMethods.layerFiles, (params: LayerFilesParams, token) =>
      guarded(context, 'list layer files', token, async () => {
        const analysis = service.cache.get(params.imageId);
        if (!analysis) throw new ResponseError(LayersNotAnalysedCode, `The layers of ${params.imageId.slice(0, 19)} are not analysed (or no longer cached).`);
        const layer = analysis.layers[params.layerIndex];
        if (!layer) throw new ResponseError(ErrorCodes.InvalidParams, `The image has no layer ${params.layerIndex}.`);
        return layerDirectory(layer, params.directory, params.kinds) satisfies LayerFileEntry[];
      }),
    );

    connection.onRequest(ServerMethods.associateDockerfileImage, (params: AssociateDockerfileImageParams) => {
      editor.associate(params.uri, params.image, params.target);
      return null;
    });

    contributions.codeLenses.push(editor.codeLenses);
    contributions.inlayHints.push(editor.inlayHints);
    contributions.diagnostics.push(editor.diagnostics);
    contributions.codeActions.push(editor.codeActions);
    connection.onShutdown(() => service.dispose());
  },
};

/** Runs a request with an AbortSignal tied to its cancellation; errors reach the client with their message. */
async function guarded<T>(context: ServerContext, what: string, token: CancellationToken, work: (signal: AbortSignal) => Promise<T>): Promise<T | ResponseError<void>> {
  const controller = new AbortController();
  const subscription = token.onCancellationRequested(() => controller.abort());
  try {
    return await work(controller.signal);
  } catch (error) {
    if (error instanceof ResponseError) return error;
    if (error instanceof AnalysisCancelledError || token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled');
    // The engine module's EngineError, known by its kind (the module loads only when needed).
    if ((error as { kind?: unknown } | undefined)?.kind === 'not-found-object') return new ResponseError(ImageNotFoundCode, (error as Error).message);
    context.log.error(describeFailure(what, undefined, error));
    return new ResponseError(ErrorCodes.InternalError, error instanceof Error ? error.message : String(error));
  } finally {
    subscription.dispose();
  }
}

export function summarise(analysis: ImageAnalysis): LayersSummary {
  return {
    imageId: analysis.imageId,
    repoTags: analysis.repoTags,
    source: analysis.layout,
    sizeBytes: analysis.sizeBytes,
    wastedBytes: analysis.wastedBytes,
    inefficientBytes: analysis.inefficientBytes,
    efficiency: analysis.efficiency,
    layers: analysis.layers.map((layer) => ({
      index: layer.index,
      digest: layer.digest,
      command: layer.command,
      ...(layer.historyIndex !== undefined ? { historyIndex: layer.historyIndex } : {}),
      sizeBytes: layer.sizeBytes,
      wastedBytes: layer.wastedBytes,
      hiddenBytes: layer.hiddenBytes,
      counts: layer.counts,
    })),
    history: analysis.history.map((step) => ({ command: step.command, emptyLayer: step.emptyLayer, ...(step.layerIndex !== undefined ? { layerIndex: step.layerIndex } : {}) })),
    wastedPaths: analysis.wastedPaths.slice(0, summaryWastedPaths),
    wastedPathCount: analysis.wastedPaths.length,
    warnings: analysis.warnings,
  };
}
