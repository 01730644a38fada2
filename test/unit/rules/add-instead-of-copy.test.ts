// Use COPY instead of ADD for files and folders.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('add-instead-of-copy', {
  catches: [
    "FROM alpine:3.20\n«ADD» app /app\n",
  ],
  clean: [
    "FROM alpine:3.20\nADD app.tar.gz /opt/\n",
    "FROM alpine:3.20\nADD https://example.com/x /x\n",
    "FROM alpine:3.20\nADD git@github.com:org/repo.git /src\n",
    "FROM alpine:3.20\nADD --checksum=sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa x /x\n",
  ],
  fixes: [
    { before: "FROM alpine:3.20\nADD app /app\n", after: "FROM alpine:3.20\nCOPY app /app\n" },
  ],
});
