// `useradd` with a high UID without `-l` makes a huge layer.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('useradd-high-uid', {
  catches: [
    "FROM debian:12\nRUN «useradd -u 123456789 app»\n",
  ],
  clean: [
    "FROM debian:12\nRUN useradd -l -u 123456789 app\n",
    "FROM debian:12\nRUN useradd -u 1000 app\n",
  ],
  fixes: [
    { before: "FROM debian:12\nRUN useradd -u 123456789 app\n", after: "FROM debian:12\nRUN useradd -l -u 123456789 app\n" },
  ],
});
