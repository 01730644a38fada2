// SHELL requires its arguments in JSON form.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('shell-not-json', {
  catches: [
    "FROM debian:12\nSHELL «/bin/bash -c»\n",
  ],
  clean: [
    "FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\n",
  ],
  fixes: [
    { before: "FROM debian:12\nSHELL /bin/bash -c\n", after: "FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\n" },
  ],
});
