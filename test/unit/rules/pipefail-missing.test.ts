// Set -o pipefail before RUN with a pipe.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('pipefail-missing', {
  catches: [
    "FROM debian:12\nRUN curl -fsSL https://x «|» tar -xz\n",
  ],
  clean: [
    "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://x | tar -xz\n",
    "FROM debian:12\nRUN set -o pipefail && curl -fsSL https://x | tar -xz\n",
    "FROM debian:12\nRUN set -euo pipefail; curl -fsSL https://x | tar -xz\n",
    "FROM debian:12\nRUN a || b\n",
    "FROM debian:12\nRUN [\"sh\", \"-c\", \"a | b\"]\n",
  ],
  fixes: [
    { before: "FROM debian:12\nRUN curl -fsSL https://x | tar -xz\n", after: "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://x | tar -xz\n" },
    { before: "FROM alpine:3.20\nRUN wget -qO- https://x | tar -xz\n", after: "FROM alpine:3.20\nSHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]\nRUN wget -qO- https://x | tar -xz\n" },
    // After the stage's own SHELL, which would otherwise override the new one.
    { before: "FROM debian:12\nSHELL [\"/bin/sh\", \"-c\"]\nRUN echo\nRUN curl -fsSL https://x | tar -xz\n", after: "FROM debian:12\nSHELL [\"/bin/sh\", \"-c\"]\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN echo\nRUN curl -fsSL https://x | tar -xz\n" },
  ],
});
