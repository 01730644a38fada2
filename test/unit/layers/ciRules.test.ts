import { strict as assert } from 'node:assert';
import { formatBytes, parseBytes } from '../../../server/src/layers/byteSize';
import { effectiveRules, evaluateRules, parseCiConfig } from '../../../server/src/layers/ci/ciRules';
import type { ImageAnalysis } from '../../../server/src/layers/model';

const image = (fields: Partial<ImageAnalysis>): ImageAnalysis =>
  ({ efficiency: 1, wastedBytes: 0, inefficientBytes: 0, userSizeBytes: 100, sizeBytes: 200, ...fields }) as ImageAnalysis;

describe('layers: the CI gate', () => {
  for (const eol of ['\n', '\r\n']) {
    it(`reads dive's .dive-ci (${eol === '\n' ? 'LF' : 'CRLF'})`, () => {
      const text = ['# dive rules', 'rules:', '  lowestEfficiency: 0.95   # at least', '  highestWastedBytes: "20MB"', '  highest-user-wasted-percent: 0.20', 'other: x'].join(eol);
      const config = parseCiConfig(text, '.dive-ci');
      assert.deepEqual(config.rules, { lowestEfficiency: '0.95', highestWastedBytes: '20MB', highestUserWastedPercent: '0.20' });
      assert.deepEqual(config.warnings, []);
    });
  }

  it('reads a flow-style rules map and names unknown rules with their line', () => {
    const config = parseCiConfig('rules: {lowestEfficiency: 0.5, highestWastedBytes: disabled}\n', 'f');
    assert.deepEqual(config.rules, { lowestEfficiency: '0.5', highestWastedBytes: 'disabled' });
    const unknown = parseCiConfig('rules:\n  lowestEfficency: 0.5\n', '.dive-ci');
    assert.match(unknown.warnings[0], /^\.dive-ci:2: unknown rule "lowestEfficency"/);
  });

  it("uses dive's defaults, then the file, then the flags", () => {
    assert.deepEqual(effectiveRules({}, {}), { lowestEfficiency: '0.9', highestWastedBytes: 'disabled', highestUserWastedPercent: '0.1' });
    assert.deepEqual(effectiveRules({ lowestEfficiency: '0.5', highestWastedBytes: '1MB' }, { lowestEfficiency: '0.7' }), {
      lowestEfficiency: '0.7',
      highestWastedBytes: '1MB',
      highestUserWastedPercent: '0.1',
    });
  });

  const cases: { name: string; rules: Record<string, string>; analysis: Partial<ImageAnalysis>; metric?: 'dive'; expected: string[] }[] = [
    { name: 'passes a clean image', rules: effectiveRules({}, {}), analysis: {}, expected: ['pass', 'skip', 'pass'] },
    { name: 'fails below the lowest efficiency', rules: effectiveRules({}, {}), analysis: { efficiency: 0.8 }, expected: ['fail', 'skip', 'pass'] },
    { name: 'passes at exactly the threshold (dive uses a strict comparison)', rules: effectiveRules({}, { lowestEfficiency: '0.8' }), analysis: { efficiency: 0.8 }, expected: ['pass', 'skip', 'pass'] },
    { name: 'fails above the highest wasted bytes', rules: effectiveRules({}, { highestWastedBytes: '1kB' }), analysis: { wastedBytes: 1001 }, expected: ['pass', 'fail', 'fail'] },
    { name: 'checks dive inefficient bytes with the dive metric', rules: effectiveRules({}, { highestWastedBytes: '1kB', highestUserWastedPercent: 'off' }), analysis: { wastedBytes: 0, inefficientBytes: 5000 }, metric: 'dive', expected: ['pass', 'fail', 'skip'] },
    { name: 'reports bad thresholds as misconfigured', rules: effectiveRules({}, { lowestEfficiency: '95%', highestWastedBytes: 'lots' }), analysis: {}, expected: ['misconfigured', 'misconfigured', 'pass'] },
    { name: 'treats waste with no user bytes as infinite', rules: effectiveRules({}, {}), analysis: { userSizeBytes: 0, wastedBytes: 1 }, expected: ['pass', 'skip', 'fail'] },
  ];
  for (const { name, rules, analysis, metric, expected } of cases) {
    it(name, () => {
      const results = evaluateRules(rules as never, image(analysis), metric ?? 'layerwise');
      assert.deepEqual(results.map((result) => result.status), expected);
    });
  }

  it('parses sizes the way dive does and prints SI units', () => {
    assert.equal(parseBytes('20MB'), 20_000_000);
    assert.equal(parseBytes('20 mib'), 20 * 1024 * 1024);
    assert.equal(parseBytes('1.5GB'), 1_500_000_000);
    assert.equal(parseBytes('512'), 512);
    assert.equal(parseBytes('12 parsecs'), undefined);
    assert.equal(formatBytes(31_457_280), '31.5 MB');
    assert.equal(formatBytes(999), '999 B');
  });
});
