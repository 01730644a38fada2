// The client's side of layer analysis: asks the language server (where the work runs, off the
// extension host's thread) to analyse, shows progress with a Cancel button, and remembers the
// summaries so the explorer and the commands can show them without asking again.
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient, type WorkDoneProgressBegin, type WorkDoneProgressReport } from 'vscode-languageclient/node';
import {
  LayersNotAnalysedCode,
  ServerMethods,
  type AnalyseLayersParams,
  type LayerFileEntry,
  type LayerFilesParams,
  type LayersSummary,
} from '../../../server/src/protocol';
import type { ChangeKind } from '../../../server/src/layers/model';

let progressTokens = 0;

export class LayersClient {
  private readonly summaries = new Map<string, LayersSummary>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a new analysis is known. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  summary(imageId: string): LayersSummary | undefined {
    return this.summaries.get(imageId);
  }

  /**
   * Analyses `target` with a progress notification the user can cancel; undefined when cancelled.
   * Errors (engine unreachable, image missing, archive truncated) are thrown with their message.
   */
  async analyse(target: { image: string } | { archivePath: string; archiveImage?: string }, title: string): Promise<LayersSummary | undefined> {
    const workDoneToken = `layerwise-layers-${++progressTokens}`;
    const params: AnalyseLayersParams = { ...target, workDoneToken };
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, cancel) => {
      let reported = 0;
      const subscription = this.client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === 'end') return;
        const { percentage, message } = value as WorkDoneProgressBegin | WorkDoneProgressReport;
        const increment = percentage !== undefined && percentage > reported ? percentage - reported : undefined;
        if (increment !== undefined) reported = percentage!;
        progress.report({ ...(message ? { message } : {}), ...(increment !== undefined ? { increment } : {}) });
      });
      try {
        const summary = await this.client.sendRequest<LayersSummary>(ServerMethods.analyseLayers, params, cancel);
        this.remember(summary);
        return summary;
      } catch (error) {
        if (cancel.isCancellationRequested) return undefined;
        throw error;
      } finally {
        subscription.dispose();
      }
    });
  }

  /**
   * The summary of an image the server analyses in the background anyway (the one a build just
   * made): no notification, the server's run for the editor is shared and its result cached.
   */
  async analyseQuietly(image: string): Promise<LayersSummary> {
    const summary = await this.client.sendRequest<LayersSummary>(ServerMethods.analyseLayers, { image } satisfies AnalyseLayersParams);
    this.remember(summary);
    return summary;
  }

  /** One folder of a layer's file tree; re-analyses once when the server no longer has the image cached. */
  async layerFiles(imageRef: string, params: LayerFilesParams, token: vscode.CancellationToken): Promise<LayerFileEntry[]> {
    try {
      return await this.client.sendRequest<LayerFileEntry[]>(ServerMethods.layerFiles, params, token);
    } catch (error) {
      if ((error as { code?: number }).code !== LayersNotAnalysedCode) throw error;
      const summary = await this.analyse({ image: imageRef }, `Analysing the layers of ${imageRef}`);
      if (!summary) return [];
      return this.client.sendRequest<LayerFileEntry[]>(ServerMethods.layerFiles, params, token);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }

  private remember(summary: LayersSummary): void {
    this.summaries.set(summary.imageId, summary);
    // Bounded like the server's cache; the oldest summary goes first.
    if (this.summaries.size > 32) this.summaries.delete(this.summaries.keys().next().value as string);
    this.changed.fire();
  }
}

export type { ChangeKind };
