// Invalid RUN --mount.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('mount-invalid', {
  catches: [
    "FROM debian:12\nRUN --mount=type=«cahce»,target=/x true\n",
    "FROM debian:12\nRUN --mount=type=cache,«targt»=/x true\n",
    "FROM debian:12\nRUN --mount=type=bind,«sharing»=locked,target=/x true\n",
    "FROM debian:12\nRUN --mount=type=cache,target=/x,sharing=«exclusive» true\n",
    "FROM debian:12\nRUN --mount=type=cache,target=/x,mode=«rwx» true\n",
  ],
  clean: [
    "FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked true\n",
    "FROM debian:12\nRUN --mount=type=secret,id=token,env=TOKEN true\n",
    "FROM debian:12\nRUN --mount=from=build,src=/out,rw true\n",
    "FROM debian:12\nRUN --mount=type=tmpfs,target=/tmp,size=64m true\n",
    "FROM debian:12\nRUN --mount=type=ssh,required true\n",
  ],
  fixes: [
    { before: "FROM debian:12\nRUN --mount=type=cahce,target=/x true\n", after: "FROM debian:12\nRUN --mount=type=cache,target=/x true\n" },
  ],
});
