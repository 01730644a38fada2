// `dnf clean all` missing after dnf install.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('dnf-clean-all', {
  catches: [
    "FROM fedora:40\nRUN «dnf install -y httpd-2.4.57»\n",
  ],
  clean: [
    "FROM fedora:40\nRUN dnf install -y httpd-2.4.57 && dnf clean all\n",
    "FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd-2.4.57\n",
  ],
  fixes: [
    { before: "FROM fedora:40\nRUN dnf install -y httpd\n", after: "FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n" },
  ],
});
