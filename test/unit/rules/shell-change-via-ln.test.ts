// Use SHELL to change the default shell.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('shell-change-via-ln', {
  catches: [
    "FROM debian:12\nRUN «ln -sf /bin/bash /bin/sh»\n",
  ],
  clean: [
    "FROM debian:12\nRUN ln -sf /usr/bin/python3 /usr/bin/python\n",
  ],
});
