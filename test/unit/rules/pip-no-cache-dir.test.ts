// Use pip install --no-cache-dir.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('pip-no-cache-dir', {
  catches: [
    "FROM debian:12\nRUN «pip install flask==3.0.3»\n",
  ],
  clean: [
    "FROM debian:12\nRUN pip install --no-cache-dir flask==3.0.3\n",
    "FROM debian:12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask==3.0.3\n",
    "FROM debian:12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask==3.0.3\n",
  ],
  fixes: [
    { before: "FROM debian:12\nRUN pip install flask==3.0.3\n", after: "FROM debian:12\nRUN pip install --no-cache-dir flask==3.0.3\n" },
  ],
});
