// Pin versions in apt-get install.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('apt-get-pin-versions', {
  catches: [
    "FROM debian:12\nRUN apt-get install -y «curl wget»\n",
    { text: "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.1 «git»\n", message: /git has no version/ },
  ],
  clean: [
    "FROM debian:12\nRUN apt-get install -y curl=7.88.1-10+deb12u5\n",
    "FROM debian:12\nRUN apt-get install -y ./local.deb\n",
    "FROM debian:12\nRUN apt-get install -y -t bookworm-backports curl/bookworm-backports\n",
    "FROM debian:12\nRUN apt-get update\n",
  ],
});
