// Use WORKDIR to switch to a directory.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('cd-instead-of-workdir', {
  catches: [
    "FROM debian:12\nRUN «cd /app» && make\n",
  ],
  clean: [
    "FROM debian:12\nWORKDIR /app\nRUN make\n",
    "FROM debian:12\nRUN make -C /app\n",
    "FROM debian:12\nRUN X=$(cd /app && pwd) && echo $X\n",
  ],
});
