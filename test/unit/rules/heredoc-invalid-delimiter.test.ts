// Invalid here-document delimiter.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('heredoc-invalid-delimiter', {
  catches: [
  ],
  clean: [
    "FROM debian:12\nRUN <<'EOF'\necho\nEOF\n",
    "FROM debian:12\nRUN <<\"EOF\"\necho\nEOF\n",
  ],
  problemCode: 'heredoc-word-invalid',
});
