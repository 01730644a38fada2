// Invalid STOPSIGNAL: what the builder's signal parser refuses (the build fails), and numbers it
// takes that Linux has no signal for.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('stopsignal-invalid', {
  catches: [
    { text: "FROM debian:12\nSTOPSIGNAL «SIGFOO»\n", message: /the build fails/ },
    { text: "FROM debian:12\nSTOPSIGNAL «00»\n", message: /the build fails/ },
    { text: "FROM debian:12\nSTOPSIGNAL «RTMIN+16»\n", message: /the build fails/ },
    { text: 'FROM debian:12\nSTOPSIGNAL «" TERM"»\n', message: /the build fails/ },
    { text: "FROM debian:12\nARG S=avx\nSTOPSIGNAL «$S»\n", message: /"avx": the build fails/ },
    { text: "FROM debian:12\nSTOPSIGNAL «99»\n", message: /builds, but Linux has no signal 99/ },
    { text: "FROM debian:12\nSTOPSIGNAL «-1»\n", message: /no signal -1/ },
  ],
  clean: [
    "FROM debian:12\nSTOPSIGNAL SIGTERM\n",
    "FROM debian:12\nSTOPSIGNAL 9\n",
    "FROM debian:12\nSTOPSIGNAL quit\n",
    "FROM debian:12\nSTOPSIGNAL SIGPIPE\n",
    "FROM debian:12\nSTOPSIGNAL sigrtmin+3\n",
    "FROM debian:12\nSTOPSIGNAL RTMAX-14\n",
    "FROM debian:12\nSTOPSIGNAL +5\n",
    "FROM debian:12\nARG S\nSTOPSIGNAL $S\n",
  ],
});
