// Do not use sudo.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('no-sudo', {
  catches: [
    "FROM debian:12\nRUN «sudo» apt-get update\n",
  ],
  clean: [
    "FROM debian:12\nRUN apt-get update\n",
    "FROM debian:12\nRUN apt-get install -y sudo\n",
  ],
});
