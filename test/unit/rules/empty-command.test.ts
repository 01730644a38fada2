// RUN, CMD or ENTRYPOINT with no command (BuildKit builds it: `/bin/sh -c ""`).
import { ruleSpec } from './support/ruleSpec';

ruleSpec('empty-command', {
  catches: [
    { text: 'FROM debian:12\n«RUN»\n', message: /RUN has no command: the build runs/ },
    { text: 'FROM debian:12\n«CMD»   \n', message: /CMD has no command: the build records/ },
    'FROM debian:12\n«ENTRYPOINT»\n',
    'FROM debian:12\n«RUN» --network=none\n',
  ],
  clean: [
    'FROM debian:12\nRUN true\n',
    'FROM debian:12\nCMD []\n',
    'FROM debian:12\nRUN <<EOF\necho hi\nEOF\n',
    'FROM debian:12\nENTRYPOINT ["app"]\n',
  ],
});
