// This command makes little sense in a container.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('pointless-command', {
  catches: [
    "FROM debian:12\nRUN «service nginx start»\n",
    "FROM debian:12\nRUN apt-get install -y vim && «vim --version»\n",
  ],
  clean: [
    "FROM debian:12\nRUN apt-get install -y vim\n",
  ],
});
