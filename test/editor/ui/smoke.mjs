// The UI smoke test: the packaged VSIX, installed into a fresh code-server profile, activates
// when a Dockerfile opens, and its language server's completion shows in the suggest widget.
// Saves screenshots along the way (the README uses them).
import { join } from 'node:path';

const stepTimeoutMs = 60_000;

export async function runUiSmoke(page, { url, screenshots }) {
  const started = Date.now();
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: stepTimeoutMs });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: stepTimeoutMs });
  await page.screenshot({ path: join(screenshots, 'workbench.png') });

  // Quick Open is independent of how the explorer tree happens to be expanded.
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { timeout: stepTimeoutMs });
  await page.keyboard.type('layers/Dockerfile');
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: stepTimeoutMs });
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: stepTimeoutMs });
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
  return {
    summary: `workbench + Dockerfile in ${((opened - started) / 1000).toFixed(1)} s; completion from the installed VSIX ${((answered - opened) / 1000).toFixed(1)} s after opening`,
  };
}
