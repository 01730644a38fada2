// Checkstyle XML, as Jenkins and many CI dashboards read it.
import type { Formatter } from '../report';

export const checkstyleFormat: Formatter = (report) => {
  const byFile = new Map<string, typeof report.findings>();
  for (const file of report.files) byFile.set(file, []);
  for (const finding of report.findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const [file, findings] of byFile) {
    out.push(`  <file name="${xml(file)}">`);
    for (const finding of findings) {
      out.push(`    <error line="${finding.line}" column="${finding.column}" severity="${finding.severity}" message="${xml(finding.message)}" source="layerwise.${xml(finding.code)}"/>`);
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
};

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
