// Pin versions in zypper install.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('zypper-pin-versions', {
  catches: [
    "FROM opensuse/leap:15.6\nRUN zypper -n install «httpd»\n",
  ],
  clean: [
    "FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4\n",
    "FROM opensuse/leap:15.6\nRUN zypper -n install 'httpd>=2.4'\n",
  ],
});
