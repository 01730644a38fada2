// "Pull <image>" on a FROM line whose base image the engine does not have. The action runs the
// client's Pull Image command (progress, login when the registry refuses, the image selected in
// the explorer); the core says which lines qualify. Offered only while the client reports a
// reachable engine, which also keeps it from editors that lack the command.
import type { CodeAction } from 'vscode-languageserver';
import { missingBaseImages } from '../../dockerfile';
import type { Feature } from '../feature';
import { localImagesFor } from '../localImages';

/** The client command that pulls images: `(reference)` or `([reference, …])`. */
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
      const here = missingBaseImages(dockerfile, lines.offsetAt(params.range.start), lines.offsetAt(params.range.end), known);
      if (here.length === 0) return [];
      const actions: CodeAction[] = here.map((missing) => ({
        title: `Pull ${missing.reference} (not on your engine)`,
        command: { title: `Pull ${missing.reference}`, command: PULL_COMMAND, arguments: [missing.reference] },
      }));
      // A multi-stage file may need several: one action pulls them all, one after another.
      const all = [...new Set(missingBaseImages(dockerfile, 0, dockerfile.ast.text.length, known).map((missing) => missing.reference))];
      if (all.length > 1) actions.push({ title: `Pull all ${all.length} base images this file needs (not on your engine)`, command: { title: 'Pull base images', command: PULL_COMMAND, arguments: [all] } });
      return actions;
    });
  },
};
