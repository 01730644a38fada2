// An archive copied and then extracted stays in its COPY layer.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('copy-archive-then-extract', {
  catches: [
    "FROM alpine:3.20\nCOPY «app.tar.gz» /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n",
  ],
  clean: [
    "FROM alpine:3.20\nCOPY app.tar.gz /srv/downloads/\n",
    "FROM alpine:3.20\nADD app.tar.gz /opt/\n",
  ],
});
