// `layerwise layers IMAGE|FILE.tar`: what every layer adds, changes, deletes and wastes, as a
// table, `--json`, or a `--ci` gate. The implementation (engine client, analysis) is loaded only
// when the command runs, so other commands do not pay for it.
import type * as LayersCli from '../../layers/cli/layersCommand';
import type { CliCommand } from '../command';

export const exitCodes = { ok: 0, ciFailed: 1, usage: 2, cannotAnalyse: 3, cancelled: 130 } as const;

export const layersCommand: CliCommand = {
  name: 'layers',
  summary: 'what every layer of an image adds, changes, deletes and wastes (IMAGE or FILE.tar); --ci gate',
  async run(argv, io) {
    const startedMs = performance.now();
    // require, not import(): esbuild then initialises the module (and what only it uses) lazily.
    const { runLayersCommand } = require('../../layers/cli/layersCommand') as typeof LayersCli;
    return runLayersCommand(argv, io, startedMs);
  },
};
