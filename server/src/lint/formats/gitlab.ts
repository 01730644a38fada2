// GitLab Code Quality (a Code Climate subset): severities info/minor/major/critical, a stable
// fingerprint per finding so GitLab can tell new problems from old ones.
import { createHash } from 'node:crypto';
import type { Formatter } from '../report';

const SEVERITY = { error: 'critical', warning: 'major', info: 'info' } as const;

export const gitlabFormat: Formatter = (report) =>
  `${JSON.stringify(
    report.findings.map((finding) => ({
      description: finding.message,
      check_name: finding.code,
      fingerprint: createHash('sha1').update(`${finding.file}\u0000${finding.code}\u0000${finding.line}\u0000${finding.message}`).digest('hex'),
      severity: SEVERITY[finding.severity],
      location: { path: finding.file, lines: { begin: finding.line, end: finding.endLine } },
    })),
    null,
    2,
  )}\n`;
