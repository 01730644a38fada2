// The UI smoke test: the packaged VSIX, installed into a fresh code-server profile, activates
// when a Dockerfile opens, and its language server's completion shows in the suggest widget;
// its TextMate grammar, not VS Code's built-in docker grammar, is what tokenizes Dockerfiles.
// Saves screenshots along the way (the README uses them).
import { join } from 'node:path';
import { quickOpen, runCommand, stepTimeoutMs } from './workbench.mjs';

/**
 * Tokens only our grammar scopes, each with where the cursor goes (1-based line:column of
 * examples/multi-stage/Dockerfile) and the scope "Inspect Editor Tokens and Scopes" must list.
 * The built-in grammar (extensions/docker) scopes none of them: it leaves flags, their fields
 * and variables as plain source.dockerfile.
 */
const grammarProbes = [
  { what: 'the --mount flag', at: '7:8', scope: 'entity.other.attribute-name.flag.dockerfile' },
  { what: 'the type= field of a mount', at: '7:14', scope: 'variable.parameter.flag-field.dockerfile' },
  { what: 'the ${GO_VERSION} variable in FROM', at: '4:18', scope: 'variable.other.dockerfile' },
];

async function inspectedScopes(page, at) {
  await runCommand(page, 'Go to Line/Column');
  await page.keyboard.type(at);
  await page.keyboard.press('Enter');
  await runCommand(page, 'Developer: Inspect Editor Tokens and Scopes');
  const widget = await page.waitForSelector('.token-inspect-widget:has-text("textmate scopes")', { timeout: stepTimeoutMs });
  const text = await widget.innerText();
  await page.keyboard.press('Escape');
  await page.waitForSelector('.token-inspect-widget', { state: 'detached', timeout: stepTimeoutMs });
  return text;
}

/**
 * Both grammars claim the scope name source.dockerfile; whichever VS Code registers last is
 * used. Proves in the real workbench that it is ours, token by token.
 */
async function checkOurGrammarWins(page) {
  await quickOpen(page, 'multi-stage/Dockerfile', 'multi-stage');
  await page.click('.monaco-editor .view-lines');
  for (const probe of grammarProbes) {
    const text = await inspectedScopes(page, probe.at);
    if (!text.includes(probe.scope)) {
      throw new Error(`the Layerwise grammar does not tokenize ${probe.what} (expected ${probe.scope}; the token inspector shows:\n${text})`);
    }
  }
}

export async function runUiSmoke(page, { url, screenshots }) {
  const started = Date.now();
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: stepTimeoutMs });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: stepTimeoutMs });
  await page.screenshot({ path: join(screenshots, 'workbench.png') });

  // Quick Open is independent of how the explorer tree happens to be expanded.
  await quickOpen(page, 'layers/Dockerfile', 'lesson');
  const opened = Date.now();

  await page.click('.monaco-editor .view-lines');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('HEALTH');
  // The language server may still be starting: ask again until the suggestion arrives.
  const deadline = Date.now() + stepTimeoutMs;
  let found = false;
  while (!found && Date.now() < deadline) {
    await page.keyboard.press('Control+Space');
    found = await page
      .waitForSelector('.suggest-widget .monaco-list-row:has-text("HEALTHCHECK")', { timeout: 3_000 })
      .then(() => true, () => false);
    if (!found) await page.keyboard.press('Escape');
  }
  if (!found) {
    await page.screenshot({ path: join(screenshots, 'completion-missing.png') });
    throw new Error('the HEALTHCHECK completion from the Layerwise language server never appeared');
  }
  const answered = Date.now();
  await page.screenshot({ path: join(screenshots, 'completion.png') });
  await page.keyboard.press('Escape');
  await checkOurGrammarWins(page);
  return {
    summary: `workbench + Dockerfile in ${((opened - started) / 1000).toFixed(1)} s; completion from the installed VSIX ${((answered - opened) / 1000).toFixed(1)} s after opening; ${grammarProbes.length} tokens scoped by our grammar over the built-in one`,
  };
}
