// Completion over LSP: looks the document up (parsed once per version), delegates to the
// Dockerfile core, and supplies the engine's images from the background cache. Only where
// images are offered, and only before the first list arrived, does it wait, and briefly.
// Reference documentation is sent on completionItem/resolve, for the focused item only.
import type { CompletionItem, CompletionList } from 'vscode-languageserver';
import { COMPLETION_TRIGGER_CHARACTERS, complete, completionNeedsImages, resolveCompletionItem } from '../../dockerfile/completion';
import type { Feature } from '../feature';
import { localImagesFor } from '../localImages';
import { runSafe, runSafeAsync } from '../runSafe';

/** The longest a completion waits for the engine's first image list. */
const FIRST_IMAGES_WAIT_MS = 150;
/** After an edit, analyse the new version once the typing pauses, so the next request finds it parsed. */
const WARM_UP_DELAY_MS = 40;

export const completion: Feature = {
  name: 'completion',
  capabilities: () => ({ completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: true } }),
  register({ connection, documents, dockerfiles, log, client, initializationOptions }) {
    const images = localImagesFor(connection, log);
    const item = client.textDocument?.completion?.completionItem;
    const markdown = item?.documentationFormat?.includes('markdown') ?? false;
    const snippets = item?.snippetSupport === true;
    // Our VS Code client names the command that reopens the suggest widget; other editors get none.
    const retriggerCommand = (initializationOptions as { triggerSuggestCommand?: unknown } | undefined)?.triggerSuggestCommand;

    // Fetch the engine's images as soon as a Dockerfile is open, so FROM completion has them.
    documents.onDidOpen(() => images.prefetch());
    let warmUp: NodeJS.Timeout | undefined;
    documents.onDidChangeContent((event) => {
      clearTimeout(warmUp);
      warmUp = setTimeout(() => {
        const document = documents.get(event.document.uri);
        if (document) dockerfiles.get(document);
      }, WARM_UP_DELAY_MS);
    });

    connection.onCompletion((params, token) =>
      runSafeAsync(log, 'completion', params.textDocument.uri, token, null as CompletionList | null, async () => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return null;
        const dockerfile = dockerfiles.get(document);
        // The document object is updated in place by later edits: its version now, kept.
        const version = document.version;
        // The analysis's line index: the TextDocument's would be rebuilt after every edit.
        const offset = dockerfile.ast.lines.offsetAt(params.position);
        if (completionNeedsImages(dockerfile, offset)) {
          await images.firstList(FIRST_IMAGES_WAIT_MS);
          // An edit while waiting makes the position and this analysis stale: no answer (the editor asks again).
          if (documents.get(params.textDocument.uri)?.version !== version) return null;
        }
        return complete(dockerfile, offset, {
          markdown,
          snippets,
          images: images.current,
          retriggerCommand: typeof retriggerCommand === 'string' ? retriggerCommand : undefined,
          resolveDocumentation: true,
          triggerCharacter: params.context?.triggerCharacter,
        });
      }),
    );
    connection.onCompletionResolve((item, token) => runSafe(log, 'completion resolve', undefined, token, item as CompletionItem, () => resolveCompletionItem(item, { markdown })));
  },
};
