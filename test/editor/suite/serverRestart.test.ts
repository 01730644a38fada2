// The language server dies (killed, as a crash would end it): the client starts a new one over
// stdio and the editor's language features come back without the user doing anything.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { layerwise, waitFor } from './helpers';

const run = promisify(execFile);

/** PIDs of this extension host's child processes running the bundled language server (from ps). */
async function languageServerPids(): Promise<number[]> {
  const { stdout } = await run('ps', ['-A', '-o', 'pid=,ppid=,args=']);
  const pids: number[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (!match || Number(match[2]) !== process.pid) continue;
    const args = match[3].split(/\s+/);
    if (args.some((arg) => arg.endsWith('dist/server.js')) && args.includes('--stdio')) pids.push(Number(match[1]));
  }
  return pids;
}

async function completionLabels(document: vscode.TextDocument): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(1, 0));
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

describe('language server restarts', () => {
  before(async () => {
    await layerwise();
  });

  it('runs the server with glibc malloc held to two arenas (less memory kept by helper threads)', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: 'FROM alpine\n' });
    await vscode.window.showTextDocument(document);
    const [pid] = await waitFor('the language server process', async () => {
      const pids = await languageServerPids();
      return pids.length === 1 ? pids : undefined;
    });
    const environment = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    assert.ok(environment.includes('MALLOC_ARENA_MAX=2'), `the server's environment holds MALLOC_ARENA_MAX=2 (got ${environment.filter((entry) => entry.startsWith('MALLOC')).join(', ') || 'none'})`);
  });

  it('a killed server is replaced over stdio and completion works again', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: 'FROM alpine\n\n' });
    await vscode.window.showTextDocument(document);
    await waitFor('completion from the running server', async () => ((await completionLabels(document)).includes('RUN') ? true : undefined));
    const [first] = await waitFor('the language server process', async () => {
      const pids = await languageServerPids();
      return pids.length === 1 ? pids : undefined;
    });

    process.kill(first, 'SIGKILL');

    const [second] = await waitFor('a new language server process', async () => {
      const pids = await languageServerPids();
      return pids.length === 1 && pids[0] !== first ? pids : undefined;
    });
    assert.notEqual(second, first);
    const labels = await waitFor('completion from the new server', async () => {
      const found = await completionLabels(document);
      return found.includes('RUN') ? found : undefined;
    });
    assert.ok(labels.includes('COPY'), `completion offers the instructions again, got ${labels.join(', ')}`);
  });
});
