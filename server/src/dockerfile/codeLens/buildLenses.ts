// Code lenses above each FROM: "Build stage" (a named stage, built with --target) and, on the
// last stage, "Build" and "Build and run". They run the client's build command; the server
// only says where they go and with which arguments.
import type { CodeLens } from 'vscode-languageserver-types';
import type { DockerfileDocument } from '../index';
import { spanRange } from '../navigation/ranges';

/**
 * The client command that builds an image from a Dockerfile: `(dockerfilePath, BuildRequest?)`.
 * Without a request it asks for (or reuses) the options remembered for that Dockerfile.
 */
export const BUILD_COMMAND = 'layerwise.image.build';

export interface BuildRequest {
  /** The stage to build (`--target`); the last stage when absent. */
  readonly target?: string;
  /** Run a container from the image once it is built. */
  readonly runAfter?: boolean;
}

/** `dockerfile` is the first argument of the build command: the Dockerfile's file path. */
export function buildLenses(document: DockerfileDocument, dockerfile: string): CodeLens[] {
  const stages = document.model.stages;
  const lenses: CodeLens[] = [];
  stages.forEach((stage, index) => {
    const range = spanRange(document, stage.from.keyword);
    const last = index === stages.length - 1;
    if (last) {
      lenses.push({ range, command: { title: 'Build', command: BUILD_COMMAND, arguments: [dockerfile] } });
      lenses.push({ range, command: { title: 'Build and run', command: BUILD_COMMAND, arguments: [dockerfile, { runAfter: true } satisfies BuildRequest] } });
    } else if (stage.name) {
      // BuildKit's --target takes a stage name; an unnamed stage cannot be targeted.
      lenses.push({ range, command: { title: `Build stage ${stage.name}`, command: BUILD_COMMAND, arguments: [dockerfile, { target: stage.name } satisfies BuildRequest] } });
    }
  });
  return lenses;
}
