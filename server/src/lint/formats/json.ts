// A JSON array of {file, line, column, endLine, endColumn, severity, code, aliases, message}.
import type { Formatter } from '../report';

export const jsonFormat: Formatter = (report) =>
  `${JSON.stringify(
    report.findings.map(({ file, line, column, endLine, endColumn, severity, code, aliases, message }) => ({ file, line, column, endLine, endColumn, severity, code, aliases, message })),
    null,
    2,
  )}\n`;
