// Driving the code-server workbench like a user, shared by the UI smoke test and the README
// screenshots: Quick Open and the command palette, with a deadline on every step.
export const stepTimeoutMs = 60_000;

/**
 * Opens a workspace file by Quick Open and waits until the editor shows `firstWords` (Quick Open
 * lists recent files first: Enter before the filter applies would open another Dockerfile).
 */
export async function quickOpen(page, path, firstWords) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { timeout: stepTimeoutMs });
  await page.keyboard.type(path);
  await page.waitForSelector(`.quick-input-list .monaco-list-row:has-text("${path.split('/')[0]}")`, { timeout: stepTimeoutMs });
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.monaco-editor .view-lines:has-text("${firstWords}")`, { timeout: stepTimeoutMs });
}

/** Runs a command from the palette (F1) by its title; a command may open a quick input of its own. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { timeout: stepTimeoutMs });
  await page.keyboard.type(title);
  await page.waitForSelector(`.quick-input-list .monaco-list-row:has-text("${title}")`, { timeout: stepTimeoutMs });
  await page.keyboard.press('Enter');
}
