// Variable used but never defined.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('undefined-var', {
  catches: [
    "FROM scratch\nENV A=«$MISSING»\n",
    "FROM alpine:3.20\nWORKDIR «$DIR»\nENV DIR=/app\n",
    { text: "FROM alpine:3.20\nENV APP_HOME=/app\nCOPY app «$APP_HOM»/\n", message: /Did you mean \$APP_HOME\?/ },
  ],
  clean: [
    "FROM alpine:3.20\nENV APP_HOME=/app\nCOPY app $APP_HOME/\n",
    "FROM alpine:3.20\nCOPY app $FROM_THE_BASE_IMAGE/\n",
    "FROM alpine:3.20\nENV PATH=/opt/bin:$PATH\n",
    "FROM alpine:3.20\nWORKDIR $HOME\n",
    "FROM alpine:3.20\nCOPY app ${DEST:-/app}/\n",
    "FROM alpine:3.20\nRUN echo $UNDEFINED_IN_SHELL\n",
    "FROM scratch\nARG TARGETARCH\nENV ARCH=$TARGETARCH\n",
    "FROM alpine:3.20\nENV PROXY=$HTTP_PROXY\n",
  ],
  fixes: [
    { before: "FROM alpine:3.20\nENV APP_HOME=/app\nCOPY app $APP_HOM/\n", after: "FROM alpine:3.20\nENV APP_HOME=/app\nCOPY app $APP_HOME/\n" },
  ],
});
