// Use the -y switch with apt-get install.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('apt-get-yes', {
  catches: [
    "FROM debian:12\nRUN «apt-get install curl»\n",
  ],
  clean: [
    "FROM debian:12\nRUN apt-get install -y curl\n",
    "FROM debian:12\nRUN apt-get -qq install curl\n",
    "FROM debian:12\nRUN apt-get install --yes curl\n",
    "FROM debian:12\nRUN apt-get install -qy curl\n",
    "FROM debian:12\nRUN apt-get install -s curl\n",
  ],
  fixes: [
    { before: "FROM debian:12\nRUN apt-get install curl\n", after: "FROM debian:12\nRUN apt-get install -y curl\n" },
  ],
});
