// A comment describing a stage or ARG should start with its name.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('definition-description', {
  catches: [
    "# The build stage\nFROM debian:12 AS build\n",
  ],
  clean: [
    "# build compiles the app\nFROM debian:12 AS build\n",
    "FROM debian:12\n",
  ],
});
