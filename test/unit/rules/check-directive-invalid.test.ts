// Invalid `# check=` directive.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('check-directive-invalid', {
  catches: [
    "# check=«bogus»=1\nFROM debian:12\n",
    "# check=error=maybe\nFROM debian:12\n",
    { text: "# check=skip=«jsonargsrecommended»\nFROM debian:12\n", message: /Did you mean JSONArgsRecommended\?/ },
  ],
  clean: [
    "# check=skip=JSONArgsRecommended;error=true\nFROM debian:12\n",
    "# check=skip=all\nFROM debian:12\n",
    "# check=skip=SomeFutureCheck\nFROM debian:12\n",
  ],
  fixes: [
    { before: "# check=skip=jsonargsrecommended\nFROM debian:12\n", after: "# check=skip=JSONArgsRecommended\nFROM debian:12\n" },
  ],
});
