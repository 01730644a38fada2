// SARIF 2.1.0 (GitHub code scanning and others): the rules that fired with their documentation,
// one result per finding, locations relative to %SRCROOT% with UTF-16 columns.
import { ruleUrl } from '../../dockerfile/rules';
import type { Formatter } from '../report';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export const sarifFormat: Formatter = (report, toolVersion) => {
  const ruleIds = [...new Set(report.findings.map((finding) => finding.code))];
  const rules = ruleIds.map((id) => {
    const rule = report.rules.find((candidate) => candidate.id === id);
    if (!rule) return { id, name: id, shortDescription: { text: id }, helpUri: /^SC\d+$/.test(id) ? `https://www.shellcheck.net/wiki/${id}` : undefined };
    return {
      id: rule.id,
      name: rule.id,
      shortDescription: { text: rule.title },
      fullDescription: { text: rule.docs },
      help: { text: rule.docs, markdown: rule.docs },
      ...(ruleUrl(rule) ? { helpUri: ruleUrl(rule) } : {}),
      defaultConfiguration: { level: rule.severity === 'off' ? 'none' : LEVEL[rule.severity], enabled: rule.severity !== 'off' },
      properties: { tags: [rule.category, ...rule.aliases] },
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'layerwise', version: toolVersion, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToUri(process.cwd())}/` } },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((finding) => ({
          ruleId: finding.code,
          ruleIndex: ruleIds.indexOf(finding.code),
          level: LEVEL[finding.severity],
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: finding.file.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
                region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function pathToUri(path: string): string {
  const normalized = path.replace(/\\/g, '/');
  return `file://${normalized.startsWith('/') ? '' : '/'}${normalized.split('/').map(encodeURIComponent).join('/')}`;
}
