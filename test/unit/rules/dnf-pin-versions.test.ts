// Pin versions in dnf install.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('dnf-pin-versions', {
  catches: [
    "FROM fedora:40\nRUN dnf install -y «httpd»\n",
  ],
  clean: [
    "FROM fedora:40\nRUN dnf install -y httpd-2.4.57\n",
  ],
});
