// Invalid flag value.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('flag-invalid-value', {
  catches: [
    "FROM debian:12\nRUN --network=«hosts» true\n",
    "FROM debian:12\nRUN --security=«root» true\n",
    "FROM debian:12\nCOPY --chmod=«rwx» a /b\n",
    "FROM debian:12\nCOPY --link=«maybe» a /b\n",
    "FROM debian:12\nADD --checksum=«md5:abc» https://x.io/a /a\n",
  ],
  clean: [
    "FROM debian:12\nRUN --network=host true\n",
    "FROM debian:12\nCOPY --chmod=0755 a /b\n",
    "FROM debian:12\nCOPY --chmod=u+x,g-w a /b\n",
    "FROM debian:12\nCOPY --link a /b\n",
    "FROM debian:12\nARG M=755\nCOPY --chmod=$M a /b\n",
    "FROM debian:12\nADD --checksum=sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa https://x.io/a /a\n",
  ],
  fixes: [
    { before: "FROM debian:12\nRUN --network=hosts true\n", after: "FROM debian:12\nRUN --network=host true\n" },
  ],
});
