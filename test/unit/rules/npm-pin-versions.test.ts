// Pin versions in npm install.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('npm-pin-versions', {
  catches: [
    "FROM debian:12\nRUN npm install -g «typescript»\n",
    "FROM debian:12\nRUN npm i «@angular/cli»\n",
  ],
  clean: [
    "FROM debian:12\nRUN npm install -g typescript@5.6.3\n",
    "FROM debian:12\nRUN npm install\n",
    "FROM debian:12\nRUN npm ci\n",
    "FROM debian:12\nRUN npm i @angular/cli@18.2.0\n",
  ],
});
