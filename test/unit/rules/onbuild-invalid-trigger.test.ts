// ONBUILD cannot trigger FROM, MAINTAINER or ONBUILD.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('onbuild-invalid-trigger', {
  catches: [
    "FROM debian:12\nONBUILD «FROM» alpine\n",
    "FROM debian:12\nONBUILD «MAINTAINER» me\n",
    "FROM debian:12\nONBUILD «ONBUILD» RUN x\n",
  ],
  clean: [
    "FROM debian:12\nONBUILD RUN echo later\n",
    "FROM debian:12\nONBUILD COPY --from=build /x /y\n",
  ],
});
