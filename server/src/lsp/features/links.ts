// Document links: registry pages for image references, ADD URLs, and COPY/ADD sources that exist
// on disk (looked up next to the Dockerfile, then in its parent folders, where the build context
// usually is).
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DocumentLink } from 'vscode-languageserver';
import { documentLinks } from '../../dockerfile/links';
import type { Feature } from '../feature';
import { runSafeAsync } from '../runSafe';

/** How many folders above the Dockerfile's may hold the build context. */
const CONTEXT_SEARCH_DEPTH = 3;

export const links: Feature = {
  name: 'links',
  capabilities: () => ({ documentLinkProvider: { resolveProvider: false } }),
  register({ connection, documents, dockerfiles, log }) {
    connection.onDocumentLinks((params, token) =>
      runSafeAsync(log, 'document links', params.textDocument.uri, token, [] as DocumentLink[], async () => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return [];
        const found = documentLinks(dockerfiles.get(document));
        if (!document.uri.startsWith('file:') || found.localSources.length === 0) return found.links;
        const folder = dirname(fileURLToPath(document.uri));
        const files = await Promise.all(found.localSources.map(async (source) => ({ source, file: await existingFile(folder, source.path) })));
        const local: DocumentLink[] = files.flatMap(({ source, file }) => (file ? [{ range: source.range, target: pathToFileURL(file).href, tooltip: `Open ${source.path}` }] : []));
        return [...found.links, ...local];
      }),
    );
  },
};

async function existingFile(folder: string, path: string): Promise<string | undefined> {
  const relative = normalize(path.replace(/^\/+/, ''));
  if (relative.startsWith('..') || isAbsolute(relative)) return undefined;
  let base = folder;
  for (let depth = 0; depth <= CONTEXT_SEARCH_DEPTH; depth++) {
    const candidate = join(base, relative);
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // Not in this folder: try the one above.
    }
    const parent = dirname(base);
    if (parent === base) break;
    base = parent;
  }
  return undefined;
}
