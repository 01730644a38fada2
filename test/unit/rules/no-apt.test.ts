// Do not use apt: use apt-get or apt-cache.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('no-apt', {
  catches: [
    "FROM debian:12\nRUN «apt» install -y curl\n",
  ],
  clean: [
    "FROM debian:12\nRUN apt-get install -y curl\n",
    "FROM debian:12\nRUN apt-cache policy curl\n",
  ],
  fixes: [
    { before: "FROM debian:12\nRUN apt update && apt install -y curl\n", after: "FROM debian:12\nRUN apt-get update && apt install -y curl\n" },
  ],
});
