// Delete the apt-get lists after installing something.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('apt-get-lists-not-deleted', {
  catches: [
    "FROM debian:12\nRUN «apt-get update» && apt-get install -y curl\n",
  ],
  clean: [
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
    "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n",
    "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM alpine:3.20\n",
  ],
  fixes: [
    { before: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n", after: "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n" },
    { before: "FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl\n", after: "FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n" },
    { before: "FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl\n", after: "FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl && \\\n    rm -rf /var/lib/apt/lists/*\n" },
    // After `a;` the cleanup would run even when the install failed: the `;` gives way to `&&`.
    { before: "FROM debian:12\nRUN apt-get update && apt-get install -y curl;\n", after: "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n" },
  ],
  noFix: [
    // Appended, the command would be commented out, a syntax error, or escaped by the literal backslash.
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl # tools\n",
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl &\n",
    "# escape=`\nFROM debian:12\nRUN apt-get update && apt-get install -y curl \\\n",
  ],
});
