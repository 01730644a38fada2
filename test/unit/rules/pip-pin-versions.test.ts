// Pin versions in pip install.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('pip-pin-versions', {
  catches: [
    "FROM debian:12\nRUN pip install «flask»\n",
    "FROM debian:12\nRUN python3 -m pip install «requests»\n",
  ],
  clean: [
    "FROM debian:12\nRUN pip install flask==3.0.3\n",
    "FROM debian:12\nRUN pip install -r requirements.txt\n",
    "FROM debian:12\nRUN pip install .\n",
    "FROM debian:12\nRUN pip install \"flask>=3,<4\"\n",
  ],
});
