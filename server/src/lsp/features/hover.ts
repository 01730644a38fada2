// Hover over LSP: the Dockerfile core answers; on a FROM base image the engine's facts about
// it are fetched first (through the client), waiting at most a moment.
import type { Hover } from 'vscode-languageserver';
import { baseImageAt, hover as hoverAt, type ImageDetails } from '../../dockerfile/hover';
import type { Feature } from '../feature';
import { localImagesFor } from '../localImages';
import { runSafeAsync } from '../runSafe';

/** The longest a hover on a FROM image waits for the engine's details. */
const IMAGE_DETAILS_WAIT_MS = 1_000;

export const hover: Feature = {
  name: 'hover',
  capabilities: () => ({ hoverProvider: true }),
  register({ connection, documents, dockerfiles, log, client }) {
    const images = localImagesFor(connection, log);
    const markdown = client.textDocument?.hover?.contentFormat?.includes('markdown') ?? false;
    connection.onHover((params, token) =>
      runSafeAsync(log, 'hover', params.textDocument.uri, token, null as Hover | null, async () => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return null;
        const dockerfile = dockerfiles.get(document);
        // The document object is updated in place by later edits: its version now, kept.
        const version = document.version;
        const offset = dockerfile.ast.lines.offsetAt(params.position);
        const image = baseImageAt(dockerfile, offset);
        let imageDetails: Map<string, ImageDetails> | undefined;
        if (image) {
          const details = await images.detailsOf(image, IMAGE_DETAILS_WAIT_MS);
          // An edit while waiting makes the position and this analysis stale (a later parse
          // re-points the nodes it keeps, and the others read its text): no answer.
          if (documents.get(params.textDocument.uri)?.version !== version) return null;
          if (details) imageDetails = new Map([[image, details]]);
        }
        // Without a reachable engine an empty list would read as "not on your engine".
        const known = images.current;
        return hoverAt(dockerfile, offset, { markdown, images: images.engineAvailable ? known : undefined, imageDetails });
      }),
    );
  },
};
