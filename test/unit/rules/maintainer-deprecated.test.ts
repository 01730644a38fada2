// MAINTAINER is deprecated: use a label.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('maintainer-deprecated', {
  catches: [
    "FROM alpine:3.20\n«MAINTAINER me <me@example.com>»\n",
  ],
  clean: [
    "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"me\"\n",
  ],
  fixes: [
    { before: "FROM alpine:3.20\nMAINTAINER Jane \"J\" Doe $HOME\n", after: "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane \\\"J\\\" Doe \\$HOME\"\n" },
  ],
});
