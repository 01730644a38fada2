// This looks like exec form but is not valid JSON, so it runs as shell form.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('exec-form-invalid-json', {
  catches: [
    "FROM debian:12\nCMD «['nginx', '-g', 'daemon off;']»\n",
    "FROM debian:12\nENTRYPOINT [\"a\", \"b\",]\n",
  ],
  clean: [
    "FROM debian:12\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n",
    "FROM debian:12\nRUN [ -f /etc/os-release ] && echo yes\n",
    "FROM debian:12\nRUN [ \"$(uname -m)\" = \"x86_64\" ] && echo 64\n",
  ],
  fixes: [
    { before: "FROM debian:12\nCMD ['nginx', '-g', 'daemon off;']\n", after: "FROM debian:12\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n" },
  ],
});
