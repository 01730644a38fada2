// Invalid STOPSIGNAL.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('stopsignal-invalid', {
  catches: [
    "FROM debian:12\nSTOPSIGNAL «SIGFOO»\n",
    "FROM debian:12\nSTOPSIGNAL «99»\n",
  ],
  clean: [
    "FROM debian:12\nSTOPSIGNAL SIGTERM\n",
    "FROM debian:12\nSTOPSIGNAL 9\n",
    "FROM debian:12\nSTOPSIGNAL quit\n",
  ],
});
