// EXPOSE should not define an IP address or a host port.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('expose-invalid-format', {
  catches: [
    "FROM debian:12\nEXPOSE «127.0.0.1:80»\n",
    "FROM debian:12\nEXPOSE «8080:80»\n",
  ],
  clean: [
    "FROM debian:12\nEXPOSE 80\n",
  ],
  fixes: [
    { before: "FROM debian:12\nEXPOSE 8080:80/tcp\n", after: "FROM debian:12\nEXPOSE 80/tcp\n" },
  ],
});
