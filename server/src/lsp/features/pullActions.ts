// "Pull <image>" on a FROM line whose base image the engine does not have. The action runs the
// client's Pull Image command (progress, login when the registry refuses, the image selected in
// the explorer); the core says which lines qualify. Offered only while the client reports a
// reachable engine, which also keeps it from editors that lack the command.
import type { CodeAction } from 'vscode-languageserver';
import { missingBaseImages, type MissingBaseImage } from '../../dockerfile';
import type { Feature } from '../feature';
import { localImagesFor } from '../localImages';
import type { PullImageTarget } from '../../protocol';

/** The client command that pulls images: `(reference | PullImageTarget)` or `([reference | PullImageTarget, …])`. */
export const PULL_COMMAND = 'layerwise.image.pull';

function pullTarget(missing: MissingBaseImage): string | PullImageTarget {
  return missing.platform ? { reference: missing.reference, platform: missing.platform } : missing.reference;
}

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
      const actions: CodeAction[] = here.map((missing) => {
        const name = missing.platform ? `${missing.reference} for ${missing.platform}` : missing.reference;
        return { title: `Pull ${name} (not on your engine)`, command: { title: `Pull ${name}`, command: PULL_COMMAND, arguments: [pullTarget(missing)] } };
      });
      // A multi-stage file may need several: one action pulls them all, one after another.
      const all = new Map<string, string | PullImageTarget>();
      for (const missing of missingBaseImages(dockerfile, 0, dockerfile.ast.text.length, known)) all.set(`${missing.reference} ${missing.platform ?? ''}`, pullTarget(missing));
      if (all.size > 1) actions.push({ title: `Pull all ${all.size} base images this file needs (not on your engine)`, command: { title: 'Pull base images', command: PULL_COMMAND, arguments: [[...all.values()]] } });
      return actions;
    });
  },
};
