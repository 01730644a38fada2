// Use dnf install -y.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('dnf-yes', {
  catches: [
    "FROM fedora:40\nRUN «dnf install httpd-2.4.57»\n",
  ],
  clean: [
    "FROM fedora:40\nRUN dnf install -y httpd-2.4.57\n",
    "FROM fedora:40\nRUN microdnf install httpd-2.4.57\n",
  ],
  fixes: [
    { before: "FROM fedora:40\nRUN dnf install httpd\n", after: "FROM fedora:40\nRUN dnf install -y httpd\n" },
  ],
});
