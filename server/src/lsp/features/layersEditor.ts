// Layer analysis in the Dockerfile itself. For a Dockerfile shown in an editor, find the image
// built from it — told by our build command, or labelled io.layerwise.dockerfile=<uri>, or
// (setting) the newest recent image whose history is this file's final stage — analyse it in the
// background, and show next to each instruction its layer's size and the bytes later removed; on
// a RUN that removes bytes written earlier, an informational diagnostic with a merge fix.
//
// The search starts when the editor first asks for the document's code lenses or inlay hints
// (it does for the files it shows), not when a document is opened: editors and other extensions
// open many documents nobody looks at, and each search asks the engine for its images and their
// histories. Those answers are shared by the searches of a burst (a folder of Dockerfiles).
import {
  CodeActionKind,
  DiagnosticSeverity,
  MarkupKind,
  type CodeAction,
  type CodeLens,
  type Diagnostic,
  type InlayHint,
} from 'vscode-languageserver';
import type { DockerfileDocument } from '../../dockerfile';
import { cleanCommand } from '../../layers/analysis/history';
import { formatBytes } from '../../layers/byteSize';
import { layerFindings, type LayerFindings } from '../../layers/editor/layerFindings';
import { historyMatches, mapInstructions, stageChain } from '../../layers/mapping/instructionMapping';
import type { HistoryStep, ImageAnalysis } from '../../layers/model';
import type { ContributorInput } from '../contributions';
import type { ServerContext } from '../feature';
import { setting } from '../settings';
import type { LayersService } from './layersService';

/** The label our build command puts on images: the Dockerfile's document URI. */
export const dockerfileLabel = 'io.layerwise.dockerfile';
export const wasteDiagnosticCode = 'layer-waste';

/** How many of the newest images are compared with a Dockerfile's history. */
const recentImagesCompared = 15;
const refreshDelayMs = 300;
/** The engine's image list is reused by the searches that start within this time. */
const imageListReuseMs = 2_000;
/** Histories of image IDs kept (an ID's history never changes). */
const maxHistories = 256;

interface Association {
  readonly image: string;
  readonly target?: string;
  readonly source: 'build' | 'label' | 'history';
}

interface DocumentState {
  association?: Association;
  analysis?: ImageAnalysis;
  findings?: { version: number; value: LayerFindings };
  timer?: NodeJS.Timeout;
  /** Increases on each refresh, so a slow earlier one does not overwrite a newer one. */
  generation: number;
  /** layerwise.layers.minimumWastedBytes for this document. */
  minimumWastedBytes: number;
}

type EngineImages = Awaited<ReturnType<Awaited<ReturnType<LayersService['engine']>>['listImages']>>;

export class LayersEditor {
  private readonly states = new Map<string, DocumentState>();
  private imageList: { readonly engine: object; readonly at: number; readonly images: Promise<EngineImages> } | undefined;
  private readonly histories = new Map<string, Promise<HistoryStep[]>>();

  constructor(
    private readonly context: ServerContext,
    private readonly service: LayersService,
  ) {
    const { documents } = context;
    documents.onDidSave((event) => this.schedule(event.document.uri));
    documents.onDidClose((event) => {
      const state = this.states.get(event.document.uri);
      if (state?.timer) clearTimeout(state.timer);
      this.states.delete(event.document.uri);
    });
    context.settings.onDidChange(() => {
      for (const uri of this.states.keys()) this.schedule(uri);
    });
  }

  /** The build command built `image` from the Dockerfile `uri`. */
  associate(uri: string, image: string, target?: string): void {
    const state = this.state(uri);
    state.association = { image, source: 'build', ...(target ? { target } : {}) };
    state.analysis = undefined;
    state.findings = undefined;
    this.schedule(uri, 0);
  }

  analysisOf(uri: string): ImageAnalysis | undefined {
    return this.states.get(uri)?.analysis;
  }

  /** The editor shows the document: look for its image the first time. */
  private shown(uri: string): DocumentState | undefined {
    const state = this.states.get(uri);
    if (!state && this.context.documents.get(uri)) this.schedule(uri);
    return state;
  }

  codeLenses = ({ dockerfile, document }: ContributorInput): CodeLens[] => {
    const lenses: CodeLens[] = [];
    const state = this.shown(document.uri);
    const finalStage = dockerfile.model.stages[dockerfile.model.stages.length - 1];
    for (const stage of dockerfile.model.stages) {
      const range = stage.from.keyword.range;
      if (stage === finalStage && state?.analysis) {
        const analysis = state.analysis;
        const name = analysis.repoTags[0] ?? analysis.imageId.slice(7, 19);
        lenses.push({
          range,
          command: {
            title: `$(layers) ${name}: ${formatBytes(analysis.sizeBytes)}, ${formatBytes(analysis.wastedBytes)} wasted`,
            command: 'layerwise.layers.showWastedSpace',
            arguments: [analysis.imageId],
          },
        });
      }
      if (stage.base.kind !== 'image' || stage.base.reference.error) continue;
      const reference = stage.base.reference.text;
      lenses.push({ range, command: { title: `Analyse layers of ${reference}`, command: 'layerwise.layers.analyse', arguments: [reference] } });
    }
    return lenses;
  };

  inlayHints = ({ document, dockerfile, range }: ContributorInput & { readonly range: { start: { line: number }; end: { line: number } } }): InlayHint[] => {
    this.shown(document.uri);
    const findings = this.findingsFor(document.uri, document.version, dockerfile);
    if (!findings) return [];
    return findings.hints
      .filter((hint) => hint.position.line >= range.start.line && hint.position.line <= range.end.line)
      .map((hint) => ({ position: hint.position, label: hint.label, paddingLeft: true, tooltip: { kind: MarkupKind.Markdown, value: hint.tooltip } }));
  };

  diagnostics = ({ document, dockerfile }: Omit<ContributorInput, 'token'>): Diagnostic[] => {
    const findings = this.findingsFor(document.uri, document.version, dockerfile);
    if (!findings) return [];
    return findings.findings.map((finding) => ({
      range: finding.range,
      severity: DiagnosticSeverity.Information,
      source: 'layerwise',
      code: wasteDiagnosticCode,
      message: finding.message,
    }));
  };

  codeActions = ({ document, dockerfile, params }: ContributorInput & { readonly params: { range: { start: { line: number }; end: { line: number } }; context: { diagnostics: Diagnostic[] } } }): CodeAction[] => {
    const findings = this.findingsFor(document.uri, document.version, dockerfile);
    if (!findings) return [];
    const actions: CodeAction[] = [];
    for (const finding of findings.findings) {
      if (!finding.fix) continue;
      if (finding.range.end.line < params.range.start.line || finding.range.start.line > params.range.end.line) continue;
      // Titled with the bytes it saves, so it reads apart from the lint rule's merge of the same RUNs.
      const diagnostics = params.context.diagnostics.filter((diagnostic) => diagnostic.code === wasteDiagnosticCode && diagnostic.range.start.line === finding.range.start.line);
      actions.push({
        title: finding.fix.title,
        kind: CodeActionKind.QuickFix,
        isPreferred: true,
        diagnostics,
        edit: { changes: { [document.uri]: [finding.fix.edit] } },
      });
    }
    return actions;
  };

  private findingsFor(uri: string, version: number, dockerfile: DockerfileDocument): LayerFindings | undefined {
    const state = this.states.get(uri);
    if (!state?.analysis) return undefined;
    if (state.findings?.version === version) return state.findings.value;
    const stageIndex = this.stageIndex(dockerfile, state.association?.target);
    const mapping = mapInstructions(stageChain(dockerfile.model, stageIndex), state.analysis.history);
    const value = layerFindings(dockerfile, state.analysis, mapping, { minimumWastedBytes: state.minimumWastedBytes });
    state.findings = { version, value };
    return value;
  }

  private stageIndex(dockerfile: DockerfileDocument, target: string | undefined): number {
    const stages = dockerfile.model.stages;
    const named = target ? stages.find((stage) => stage.name === target.toLowerCase()) : undefined;
    return named?.index ?? stages.length - 1;
  }

  private state(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = { generation: 0, minimumWastedBytes: 1_000_000 };
      this.states.set(uri, state);
    }
    return state;
  }

  private schedule(uri: string, delayMs = refreshDelayMs): void {
    const state = this.state(uri);
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void this.refresh(uri).catch((error: unknown) => this.context.log.info(`Layer hints for ${uri}: ${error instanceof Error ? error.message : String(error)}`));
    }, delayMs);
  }

  private async refresh(uri: string): Promise<void> {
    const document = this.context.documents.get(uri);
    if (!document) return;
    const state = this.state(uri);
    const generation = ++state.generation;
    const settings = await this.context.settings.get(uri);
    state.minimumWastedBytes = setting(settings, 'layers.minimumWastedBytes', 1_000_000);
    if (!setting(settings, 'layers.editorHints', true)) {
      if (state.analysis) this.changed(uri, state, undefined);
      return;
    }
    const dockerfile = this.context.dockerfiles.get(document);
    const association = state.association?.source === 'build' ? state.association : await this.discover(uri, document.version, dockerfile, setting(settings, 'layers.findImages', 'labelAndHistory'));
    if (generation !== state.generation) return;
    if (!association) {
      if (state.analysis) this.changed(uri, state, undefined);
      return;
    }
    state.association = association;
    const knownId = /^sha256:[0-9a-f]{64}$/.test(association.image) && this.service.cache.get(association.image);
    if (association.source !== 'build' && !knownId) {
      const identity = await this.service.identify(association.image, { uri });
      const maxBytes = setting(settings, 'layers.autoAnalyseMaxMegabytes', 2000) * 1_000_000;
      if (identity.sizeBytes > maxBytes && !this.service.cache.get(identity.id)) {
        this.context.log.info(`Not analysing ${association.image} for ${uri} in the background: ${formatBytes(identity.sizeBytes)} is over layerwise.layers.autoAnalyseMaxMegabytes.`);
        return;
      }
    }
    const analysis = await this.service.analyse(association.image, { uri });
    if (generation !== state.generation) return;
    this.changed(uri, state, analysis);
  }

  private changed(uri: string, state: DocumentState, analysis: ImageAnalysis | undefined): void {
    state.analysis = analysis;
    state.findings = undefined;
    const { connection, client, contributions } = this.context;
    if (client.workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (client.workspace?.codeLens?.refreshSupport) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    contributions.refreshDiagnostics(uri);
  }

  /** The image built from this file: labelled with its URI, else (if allowed) matching its history. */
  private async discover(uri: string, version: number, dockerfile: DockerfileDocument, mode: string): Promise<Association | undefined> {
    if (mode === 'off' || dockerfile.model.stages.length === 0) return undefined;
    // After each wait: an edit meanwhile leaves `dockerfile` superseded (its nodes may read the
    // new text); the refresh that edit schedules looks again.
    const superseded = () => this.context.documents.get(uri)?.version !== version;
    const engine = await this.service.engine(uri);
    const images = [...(await this.listImages(engine))].sort((a, b) => b.created - a.created);
    if (superseded()) return undefined;
    const labelled = images.find((image) => image.labels[dockerfileLabel] === uri);
    if (labelled) return { image: labelled.id, source: 'label' };
    if (mode !== 'labelAndHistory') return undefined;
    const chain = stageChain(dockerfile.model);
    if (!chain.some((instruction) => ['RUN', 'COPY', 'ADD'].includes(instruction.name))) return undefined;
    for (const image of images.slice(0, recentImagesCompared)) {
      const steps = await this.historyOf(engine, image.id);
      if (superseded()) return undefined;
      if (historyMatches(mapInstructions(chain, steps))) return { image: image.id, source: 'history' };
    }
    return undefined;
  }

  private listImages(engine: Awaited<ReturnType<LayersService['engine']>>): Promise<EngineImages> {
    const now = Date.now();
    if (this.imageList?.engine !== engine || now - this.imageList.at > imageListReuseMs) {
      const images = engine.listImages();
      images.catch(() => (this.imageList = undefined));
      this.imageList = { engine, at: now, images };
    }
    return this.imageList.images;
  }

  private historyOf(engine: Awaited<ReturnType<LayersService['engine']>>, imageId: string): Promise<HistoryStep[]> {
    let steps = this.histories.get(imageId);
    if (!steps) {
      steps = engine.imageHistory(imageId).then((history) =>
        [...history].reverse().map((entry) => ({
          command: cleanCommand(entry.createdBy, entry.comment),
          createdBy: entry.createdBy,
          emptyLayer: entry.sizeBytes === 0,
        })),
      );
      steps.catch(() => this.histories.delete(imageId));
      if (this.histories.size >= maxHistories) this.histories.delete(this.histories.keys().next().value!);
      this.histories.set(imageId, steps);
    }
    return steps;
  }
}
