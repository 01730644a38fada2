// The shell cannot parse this RUN command.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('run-shell-syntax', {
  catches: [
    "FROM alpine:3.20\nRUN echo \"unclosed\n",
    "FROM alpine:3.20\nRUN if true; then echo x\n",
  ],
  clean: [
    "FROM alpine:3.20\nRUN echo \"closed\"\n",
    "FROM alpine:3.20\nSHELL [\"powershell\", \"-Command\"]\nRUN Write-Host (Get-Date)\n",
    "FROM alpine:3.20\nRUN [\"/bin/sh\", \"-c\", \"echo \\\"unclosed\"]\n",
  ],
});
