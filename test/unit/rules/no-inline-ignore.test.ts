// Inline ignore pragma.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('no-inline-ignore', {
  catches: [
    "FROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add --no-cache curl\n",
    "FROM alpine:3.20\n# layerwise-ignore apk-pin-versions\nRUN apk add --no-cache curl\n",
  ],
  clean: [
    "FROM alpine:3.20\n# a plain comment\nRUN true\n",
  ],
});
