import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { codeCacheDirectory } from '../../../server/src/startup/cacheDirectory';
import { CodeCacheFile } from '../../../server/src/startup/codeCache';
import { openFixture, waitFor } from './helpers';

describe('activation', () => {
  it('activates on a Dockerfile and the language server answers completion', async () => {
    const started = Date.now();
    const document = await openFixture('layers/Dockerfile');
    assert.equal(document.languageId, 'dockerfile');
    const extension = vscode.extensions.getExtension('layerwise.layerwise');
    assert.ok(extension, 'the Layerwise extension is installed');
    await waitFor('the extension to activate', () => extension.isActive);
    const end = new vscode.Position(document.lineCount, 0);
    const labels = await waitFor('completion from the language server', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        document.uri,
        end,
      );
      const found = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      return found.includes('HEALTHCHECK') ? found : undefined;
    });
    assert.ok(labels.includes('FROM'));
    console.log(`    opened a Dockerfile → extension active and server answering in ${Date.now() - started} ms`);
  });

  it('keeps the compiled code of the extension and of its language server for the next window', async () => {
    const extension = vscode.extensions.getExtension('layerwise.layerwise');
    assert.ok(extension, 'the Layerwise extension is installed');
    await extension.activate();
    // The extension host's environment is the server's (and its Node): both save in the same
    // directory, each under a name made of this build's bundle.
    const directory = codeCacheDirectory(process.env, process.platform, homedir());
    assert.ok(directory, 'the code cache is on');
    const expected = ['extensionMain', 'languageServer'].map((bundle) => new CodeCacheFile(directory, bundle, readFileSync(join(extension.extensionPath, 'dist', `${bundle}.js`))).path);
    await waitFor(`the code caches ${expected.join(', ')}`, () => expected.every((path) => existsSync(path)) || undefined);
  });

  it('contributes the Containerfile names to the dockerfile language', async () => {
    const document = await openFixture('podman/Containerfile');
    assert.equal(document.languageId, 'dockerfile');
  });
});
