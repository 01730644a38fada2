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
  ],
});
