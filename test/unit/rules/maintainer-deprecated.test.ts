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
    // With the backtick escape, the backtick escapes (a backslash is a plain character then).
    { before: "# escape=`\nFROM alpine:3.20\nMAINTAINER \"Jane\" C:\\dir $USER `x\n", after: "# escape=`\nFROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"`\"Jane`\" C:\\dir `$USER ``x\"\n" },
  ],
});
