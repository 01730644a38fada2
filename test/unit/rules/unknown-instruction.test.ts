// Unknown instruction.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('unknown-instruction', {
  catches: [
    "FROM debian:12\n«RUNN» echo hi\n",
    "FROM debian:12\n«COPPY» a /b\n",
  ],
  clean: [
    "FROM debian:12\nRUN echo hi\n",
    "FROM debian:12\nrun echo lowercase is fine\n",
  ],
  fixes: [
    { before: "FROM debian:12\nRUNN echo hi\n", after: "FROM debian:12\nRUN echo hi\n" },
  ],
});
