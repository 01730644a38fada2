// Do not copy the whole filesystem of another stage.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('copy-from-stage-root', {
  catches: [
    // A stage defined later (itself an error) is judged like an image: by what the file says up to here.
    "FROM alpine:3.20\nCOPY --from=later «/» /r\nFROM scratch AS later\n",
    "FROM alpine:3.20 AS build\nRUN apk add --no-cache gcc\nFROM alpine:3.20\nCOPY --from=build «/» /\n",
  ],
  clean: [
    "FROM scratch AS binaries\nCOPY app /app\nFROM alpine:3.20\nCOPY --from=binaries / /usr/bin/\n",
    "FROM moby/moby-bin:28 AS engine\nFROM alpine:3.20\nCOPY --from=engine / /usr/bin/\n",
    "FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=build /out /\n",
  ],
});
