// Use the JSON (exec) form for CMD and ENTRYPOINT.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('json-args-recommended', {
  catches: [
    "FROM alpine:3.20\nENTRYPOINT «top -b»\n",
    "FROM alpine:3.20\nCMD «node server.js»\n",
  ],
  clean: [
    "FROM alpine:3.20\nENTRYPOINT [\"top\", \"-b\"]\n",
    "FROM alpine:3.20\nSHELL [\"/bin/bash\", \"-c\"]\nCMD node server.js\n",
  ],
  fixes: [
    { before: "FROM alpine:3.20\nENTRYPOINT top -b\n", after: "FROM alpine:3.20\nENTRYPOINT [\"top\", \"-b\"]\n" },
    { before: "FROM alpine:3.20\nCMD node \"my server.js\" --port 80\n", after: "FROM alpine:3.20\nCMD [\"node\", \"my server.js\", \"--port\", \"80\"]\n" },
    // `exec` only made the program PID 1, which exec form does itself.
    { before: "FROM nginx:1\nCMD exec nginx -g \"daemon off;\"\n", after: "FROM nginx:1\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n" },
  ],
  noFix: [
    // Builtins: no program to run without a shell.
    "FROM alpine:3.20\nCMD ulimit -n 1024\n",
    "FROM alpine:3.20\nENTRYPOINT exec\n",
    // A Windows path under the backtick escape: a POSIX shell's reading would drop its backslashes.
    "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD C:\\app\\run.exe --port 80\n",
  ],
});
