// Base image from a registry that is not trusted.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('untrusted-registry', {
  catches: [
    "FROM «debian:12»\n",
    "FROM «quay.io/org/app:1»\n",
  ],
  clean: [
    "FROM my.registry.io/debian:12\n",
    "FROM eu.gcr.io/proj/app:1\n",
    "FROM scratch\n",
  ],
  options: {"trustedRegistries": ["my.registry.io", "*.gcr.io"]},
});
