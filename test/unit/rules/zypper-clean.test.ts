// `zypper clean` missing after zypper install.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('zypper-clean', {
  catches: [
    "FROM opensuse/leap:15.6\nRUN «zypper -n install httpd=2.4»\n",
  ],
  clean: [
    "FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4 && zypper clean\n",
  ],
  fixes: [
    { before: "FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4\n", after: "FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4 && zypper clean\n" },
  ],
});
