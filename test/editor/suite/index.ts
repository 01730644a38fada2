// Runs inside the real VS Code extension host (code-server's here, @vscode/test-electron's where
// VS Code can be downloaded). The suite is one esbuild bundle, so mocha's globals are installed
// first and the test modules are required afterwards (esbuild keeps `require` lazy).
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 90_000, color: false, forbidOnly: true, reporter: 'spec', grep: process.env.LAYERWISE_EDITOR_GREP });
  mocha.suite.emit('pre-require', globalThis, 'layerwise-editor-suite', mocha);
  // One line per test file.
  require('./activation.test');
  require('./explorer.test');
  require('./operations.test');
  require('./layers.test');
  require('./completion.test');
  require('./editing.test');
  require('./diagnostics.test');
  require('./layerLinks.test');
  require('./chooseEngine.test');
  require('./journeys/1-layers-lesson.test');
  require('./journeys/2-entrypoint-cmd.test');
  require('./journeys/3-health.test');
  require('./journeys/4-commit.test');
  require('./journeys/5-save-load.test');
  require('./journeys/6-publish.test');
  require('./journeys/7-clean-up.test');
  require('./journeys/8-inspect-explain.test');
  require('./journeys/9-another-engine.test');
  require('./journeys/10-modern-dockerfile.test');
  require('./serverRestart.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} editor test(s) failed`)) : resolve()));
  });
}
