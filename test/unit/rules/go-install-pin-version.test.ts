// Pin versions in go install.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('go-install-pin-version', {
  catches: [
    "FROM debian:12\nRUN go install «golang.org/x/tools/gopls@latest»\n",
    "FROM debian:12\nRUN go install «github.com/org/tool»\n",
  ],
  clean: [
    "FROM debian:12\nRUN go install golang.org/x/tools/gopls@v0.16.2\n",
    "FROM debian:12\nRUN go install ./cmd/...\n",
  ],
});
