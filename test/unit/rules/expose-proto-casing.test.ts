// The EXPOSE protocol should be lowercase.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('expose-proto-casing', {
  catches: [
    "FROM debian:12\nEXPOSE 80/«TCP»\n",
  ],
  clean: [
    "FROM debian:12\nEXPOSE 80/tcp\n",
  ],
  fixes: [
    { before: "FROM debian:12\nEXPOSE 80/TCP 53/Udp\n", after: "FROM debian:12\nEXPOSE 80/tcp 53/Udp\n" },
  ],
});
