// Use zypper non-interactively (-n).
import { ruleSpec } from './support/ruleSpec';

ruleSpec('zypper-non-interactive', {
  catches: [
    "FROM opensuse/leap:15.6\nRUN «zypper install httpd=2.4»\n",
  ],
  clean: [
    "FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4\n",
    "FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4\n",
  ],
  fixes: [
    { before: "FROM opensuse/leap:15.6\nRUN zypper install httpd=2.4\n", after: "FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4\n" },
  ],
});
