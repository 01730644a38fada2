// Do not copy the whole filesystem of another stage.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('copy-from-stage-root', {
  catches: [
    "FROM alpine:3.20 AS build\nRUN apk add --no-cache gcc\nFROM alpine:3.20\nCOPY --from=build «/» /\n",
  ],
  clean: [
    "FROM scratch AS binaries\nCOPY app /app\nFROM alpine:3.20\nCOPY --from=binaries / /usr/bin/\n",
    "FROM moby/moby-bin:28 AS engine\nFROM alpine:3.20\nCOPY --from=engine / /usr/bin/\n",
    "FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=build /out /\n",
    // A stage defined later is another error (stage-not-built-yet).
    "FROM alpine:3.20\nCOPY --from=later / /r\nFROM alpine:3.20 AS later\nRUN apk add gcc\n",
  ],
});
