// The instruction has too few or too many arguments.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('missing-arguments', {
  catches: [
    "FROM debian:12\nCOPY «onlyone»\n",
    "FROM debian:12\n«WORKDIR»\n",
    "FROM debian:12\n«EXPOSE»\n",
    "FROM debian:12\n«USER»   \n",
  ],
  clean: [
    "FROM debian:12\nCOPY a /b\n",
    "FROM debian:12\nCOPY <<EOF /x\nhello\nEOF\n",
    "FROM debian:12\nWORKDIR /app\n",
    "FROM debian:12\nRUN <<EOF\necho hi\nEOF\n",
    // The engine builds these (`/bin/sh -c ""`): empty-command says what they do.
    "FROM debian:12\nRUN\n",
    "FROM debian:12\nCMD\n",
    "FROM debian:12\nENTRYPOINT\n",
  ],
});
