// Exec form elements must be strings.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('exec-form-not-strings', {
  catches: [
    "FROM debian:12\nCMD [\"sleep\", 10]\n",
  ],
  clean: [
    "FROM debian:12\nCMD [\"sleep\", \"10\"]\n",
  ],
});
