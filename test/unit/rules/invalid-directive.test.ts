// Invalid or repeated parser directive.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('invalid-directive', {
  catches: [
    "# escape=x\nFROM debian:12\n",
    "# syntax=docker/dockerfile:1\n# syntax=docker/dockerfile:1\nFROM debian:12\n",
  ],
  clean: [
    "# escape=`\nFROM debian:12\n",
    "# syntax=docker/dockerfile:1\nFROM debian:12\n",
  ],
});
