// "Pull <image>" on a FROM line whose base image the engine does not have. The action runs the
// client's Pull Image command (progress, login when the registry refuses, the image selected in
// the explorer); the core says which lines qualify. Offered only while the client reports a
// reachable engine, which also keeps it from editors that lack the command.
import type { CodeAction } from 'vscode-languageserver';
import { missingBaseImages } from '../../dockerfile';
import type { Feature } from '../feature';
import { localImagesFor } from '../localImages';

/** The client command that pulls an image: `(reference)`. */
export const PULL_COMMAND = 'layerwise.image.pull';

export const pullActions: Feature = {
  name: 'pull actions',
  // Announced by the code-action hub.
  capabilities: () => ({}),
  register({ connection, log, contributions }) {
    const images = localImagesFor(connection, log);
    contributions.codeActions.push(({ dockerfile, params }): CodeAction[] => {
      // A request for given kinds (fix all on save, quick fixes only) is not asking for this.
      if (params.context.only) return [];
      const known = images.current;
      if (!images.engineAvailable) return [];
      const lines = dockerfile.ast.lines;
      return missingBaseImages(dockerfile, lines.offsetAt(params.range.start), lines.offsetAt(params.range.end), known).map((missing) => ({
        title: `Pull ${missing.reference} (not on your engine)`,
        command: { title: `Pull ${missing.reference}`, command: PULL_COMMAND, arguments: [missing.reference] },
      }));
    });
  },
};
