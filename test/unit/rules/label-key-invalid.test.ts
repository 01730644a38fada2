// Invalid label key.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('label-key-invalid', {
  catches: [
    "FROM alpine:3.20\nLABEL «Version»=1\n",
    "FROM alpine:3.20\nLABEL «com.docker.x»=1\n",
    "FROM alpine:3.20\nLABEL «a..b»=1\n",
  ],
  clean: [
    "FROM alpine:3.20\nLABEL org.opencontainers.image.version=1.0\n",
  ],
});
