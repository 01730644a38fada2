// Files deleted here were written by an earlier layer: the image still carries them.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('layer-waste-delete', {
  catches: [
    "FROM alpine:3.20\nRUN dd if=/dev/zero of=/big bs=1M count=100\nRUN «rm -f /big»\n",
    "FROM alpine:3.20\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && «rm /tmp/app.tar.gz»\n",
    "FROM alpine:3.20\nWORKDIR /work\nRUN curl -o data.bin https://example.com/x\nRUN «rm data.bin»\n",
    "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl && «rm -rf /var/lib/apt/lists/*»\n",
  ],
  clean: [
    "FROM alpine:3.20\nRUN dd if=/dev/zero of=/big bs=1M count=100 && rm -f /big\n",
    "FROM alpine:3.20 AS build\nRUN touch /big\nFROM alpine:3.20\nRUN rm -f /big\n",
    "FROM alpine:3.20 AS build\nRUN touch /big\nRUN rm -f /big\nFROM alpine:3.20\nCOPY --from=build /etc/os-release /x\n",
  ],
  fixes: [
    { before: "FROM alpine:3.20\nRUN dd if=/dev/zero of=/big-1 bs=1M count=100\nRUN dd if=/dev/zero of=/big-2 bs=1M count=100\nRUN rm -f /big-1\n", after: "FROM alpine:3.20\nRUN dd if=/dev/zero of=/big-1 bs=1M count=100 && \\\n    dd if=/dev/zero of=/big-2 bs=1M count=100 && \\\n    rm -f /big-1\n", title: /Merge lines 2.4 into one RUN/ },
  ],
});
