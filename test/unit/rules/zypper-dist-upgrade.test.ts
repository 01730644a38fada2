// Do not use zypper dist-upgrade.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('zypper-dist-upgrade', {
  catches: [
    "FROM opensuse/leap:15.6\nRUN «zypper -n dist-upgrade»\n",
  ],
  clean: [
    "FROM opensuse/leap:15.6\nRUN zypper -n update\n",
  ],
});
