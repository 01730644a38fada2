// Invalid EXPOSE port or protocol.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('expose-invalid-port', {
  catches: [
    "FROM debian:12\nEXPOSE «70000»\n",
    "FROM debian:12\nEXPOSE 80/«http»\n",
    "FROM debian:12\nEXPOSE «abc»\n",
  ],
  clean: [
    "FROM debian:12\nEXPOSE 80 443/tcp 53/udp 8000-8010\n",
    "FROM debian:12\nARG P=80\nEXPOSE $P\n",
  ],
});
