// `file:line:column severity code message (aliases)`, then a summary line.
import type { Formatter } from '../report';

export const textFormat: Formatter = (report) => {
  const lines = report.findings.map(
    (finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.code} ${finding.message}${finding.aliases.length > 0 ? ` (${finding.aliases.join(', ')})` : ''}`,
  );
  const count = (severity: string) => report.findings.filter((finding) => finding.severity === severity).length;
  const files = report.files.length;
  lines.push(
    report.findings.length === 0
      ? `${files} file${files === 1 ? '' : 's'} linted: no problems.`
      : `${files} file${files === 1 ? '' : 's'} linted: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info.`,
  );
  return `${lines.join('\n')}\n`;
};
