// HEALTHCHECK must be `HEALTHCHECK [options] CMD <command>` or `HEALTHCHECK NONE`.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('healthcheck-invalid', {
  catches: [
    "FROM debian:12\nHEALTHCHECK «CMDS» true\n",
    "FROM debian:12\nHEALTHCHECK NONE «extra»\n",
    "FROM debian:12\nHEALTHCHECK «CMD»\n",
  ],
  clean: [
    "FROM debian:12\nHEALTHCHECK CMD true\n",
    "FROM debian:12\nHEALTHCHECK NONE\n",
    "FROM debian:12\nHEALTHCHECK --interval=5s CMD [\"curl\", \"-f\", \"http://localhost/\"]\n",
  ],
});
