// Consecutive RUN instructions could be one layer: one finding per run of consecutive RUNs.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('consecutive-run', {
  catches: [
    "FROM alpine:3.20\nRUN a\n«RUN» b\n",
    { text: "FROM alpine:3.20\nRUN a\n«RUN» b\nRUN c\nRUN d\n", count: 1, message: /\(4 in a row, lines 2–5\)/ },
    { text: "FROM alpine:3.20\nRUN a\nRUN b\nENV X=1\nRUN c\nRUN d\n", count: 2 },
    { text: "FROM alpine:3.20\nRUN a\n# a comment between them\nRUN b\n", count: 1 },
    { text: "FROM alpine:3.20\nRUN --mount=type=cache,target=/c a\n«RUN» --mount=type=cache,target=/c b\n", count: 1 },
  ],
  clean: [
    "FROM alpine:3.20\nRUN a && b\n",
    "FROM alpine:3.20\nRUN a\nRUN --mount=type=cache,target=/root/.cache b\n",
    "FROM alpine:3.20\nRUN a\nENV X=1\nRUN b\n",
    'FROM alpine:3.20\nRUN a\nRUN ["b"]\n',
    "FROM alpine:3.20 AS one\nRUN a\nFROM alpine:3.20\nRUN b\n",
  ],
  fixes: [
    { before: "FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN curl --version\n", after: "FROM alpine:3.20\nRUN apk add --no-cache curl && \\\n    curl --version\n", title: /^Merge with the previous RUN$/ },
    { before: "FROM alpine:3.20\nRUN a\nRUN b\nRUN c\n", after: "FROM alpine:3.20\nRUN a && \\\n    b && \\\n    c\n", title: /^Merge these 3 RUNs into one$/ },
    // `cd` would carry over into the next command: only the RUNs before it merge.
    { before: "FROM alpine:3.20\nRUN a\nRUN b\nRUN cd /x\nRUN d\n", after: "FROM alpine:3.20\nRUN a && \\\n    b && \\\n    cd /x\nRUN d\n", title: /^Merge these 3 RUNs into one$/ },
    // A failed first RUN still fails the build: its `;` gives way to `&&`, and a next script
    // with `||`, `;` or `&` at its top level runs as a group, whose own status decides.
    { before: "FROM alpine:3.20\nRUN false;\nRUN echo ok\n", after: "FROM alpine:3.20\nRUN false && \\\n    echo ok\n" },
    { before: "FROM alpine:3.20\nRUN false\nRUN test -f x || echo missing\n", after: "FROM alpine:3.20\nRUN false && { \\\n    test -f x || echo missing; }\n" },
    { before: "FROM alpine:3.20\nRUN a\nRUN echo a; echo b;\n", after: "FROM alpine:3.20\nRUN a && { \\\n    echo a; echo b; }\n" },
    { before: "FROM alpine:3.20\nRUN make\nRUN ./server &\n", after: "FROM alpine:3.20\nRUN make && { \\\n    ./server & }\n" },
    { before: "FROM alpine:3.20\nRUN a\nRUN b\nRUN c || d\n", after: "FROM alpine:3.20\nRUN a && \\\n    b && { \\\n    c || d; }\n" },
    // `\;` is find's argument; `;` and `|` inside quotes are text.
    { before: "FROM alpine:3.20\nRUN find /tmp -exec rm {} \\;\nRUN echo 'a;b|c' \"x & y\"\n", after: "FROM alpine:3.20\nRUN find /tmp -exec rm {} \\; && \\\n    echo 'a;b|c' \"x & y\"\n" },
    // A wrapped middle script is closed in the edit that joins the next one (no overlapping edits).
    { before: "FROM alpine:3.20\nRUN a\nRUN b; c;\nRUN d\n", after: "FROM alpine:3.20\nRUN a && { \\\n    b; c; } && \\\n    d\n" },
    { before: "FROM alpine:3.20\nRUN a\nRUN b || c\nRUN d || e\n", after: "FROM alpine:3.20\nRUN a && { \\\n    b || c; } && { \\\n    d || e; }\n" },
    // An escaped `\;` ends no list: the group still needs its own `;`.
    { before: "FROM alpine:3.20\nRUN apt-get update\nRUN mkdir -p /x; find /x -exec chmod 644 {} \\;\n", after: "FROM alpine:3.20\nRUN apt-get update && { \\\n    mkdir -p /x; find /x -exec chmod 644 {} \\;; }\n" },
    // Comment lines between the RUNs stay inside the continuation, where BuildKit drops them.
    { before: "FROM alpine:3.20\nRUN a\n\n  # then b\nRUN b\n", after: "FROM alpine:3.20\nRUN a && \\\n# then b\n    b\n" },
    // An ignore pragma would apply to nothing inside the merged RUN: the merge stops before it.
    { before: "FROM alpine:3.20\nRUN a\nRUN b\n# hadolint ignore=DL3008\nRUN c\n", after: "FROM alpine:3.20\nRUN a && \\\n    b\n# hadolint ignore=DL3008\nRUN c\n" },
    // A comment in the last script still ends the line.
    { before: "FROM alpine:3.20\nRUN a\nRUN make install # the last step\n", after: "FROM alpine:3.20\nRUN a && \\\n    make install # the last step\n" },
  ],
  noFix: [
    // Joined, the comment would swallow `make install`.
    "FROM alpine:3.20\nRUN make # build\nRUN make install\n",
    // `{ b || c # why; }`: the comment would swallow the group's end.
    "FROM alpine:3.20\nRUN a\nRUN b || c # why\n",
    // The next script would see A, set in the first one's shell.
    "FROM alpine:3.20\nRUN A=1\nRUN echo $A\n",
    // `a & && b` is not shell; `a & b` would not wait for a.
    "FROM alpine:3.20\nRUN ./server &\nRUN b\n",
    // Joined, a RUN that is only a comment becomes a comment line, and the continuation runs on into the next RUN.
    "FROM alpine:3.20\nRUN echo a\nRUN # note\nRUN echo b\n",
    // A literal backslash at the end (backtick escape) would escape what the join writes after it.
    "# escape=`\nFROM alpine:3.20\nRUN echo a\nRUN echo b; echo c\\\n",
    // State for the next script: a variable set by an expansion, a function, read.
    "FROM alpine:3.20\nRUN : ${Z:=zz}\nRUN echo \"z=$Z\"\n",
    "FROM alpine:3.20\nRUN greet() { echo hi; }\nRUN greet\n",
    "FROM alpine:3.20\nRUN read -r LINE < /etc/hostname\nRUN echo $LINE\n",
  ],
});
