// ADD of a URL keeps the download in its own layer.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('add-remote-url', {
  catches: [
    "FROM alpine:3.20\nADD «https://example.com/app.tar.gz» /opt/\n",
    "FROM alpine:3.20\nADD «http://example.com/tool» /usr/local/bin/tool\n",
  ],
  clean: [
    "FROM alpine:3.20\nADD app.tar.gz /opt/\n",
    "FROM alpine:3.20\nRUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt\n",
  ],
});
