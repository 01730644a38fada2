// The real TextMate engine VS Code uses (vscode-textmate + vscode-oniguruma), loading our grammar
// and, for the embedded shell, the shell grammar VS Code ships (from the tm-grammars package).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

const root = join(__dirname, '../../..');
let grammar: Promise<IGrammar> | undefined;

export function dockerfileGrammar(): Promise<IGrammar> {
  grammar ??= load();
  return grammar;
}

async function load(): Promise<IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns), createOnigString: (text) => new oniguruma.OnigString(text) }),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'source.dockerfile') {
        const path = join(root, 'syntaxes/dockerfile.tmLanguage.json');
        return parseRawGrammar(readFileSync(path, 'utf8'), path);
      }
      if (scopeName === 'source.shell') {
        const path = require.resolve('tm-grammars/grammars/shellscript.json');
        return parseRawGrammar(readFileSync(path, 'utf8'), path);
      }
      return null;
    },
  });
  await registry.loadGrammar('source.shell');
  const loaded = await registry.loadGrammar('source.dockerfile');
  if (!loaded) throw new Error('the Dockerfile grammar did not load');
  return loaded;
}

export interface ScopedToken {
  readonly line: number;
  readonly text: string;
  readonly scopes: readonly string[];
}

/** Tokenizes a whole text line by line, as an editor does. */
export async function tokenize(text: string): Promise<ScopedToken[]> {
  const loaded = await dockerfileGrammar();
  const tokens: ScopedToken[] = [];
  let state = INITIAL;
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const result = loaded.tokenizeLine(line, state);
    for (const token of result.tokens) {
      const part = line.slice(token.startIndex, token.endIndex);
      if (part.length > 0) tokens.push({ line: index, text: part, scopes: token.scopes });
    }
    state = result.ruleStack;
  });
  return tokens;
}
