// Pin versions in gem install.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('gem-pin-versions', {
  catches: [
    "FROM debian:12\nRUN gem install «bundler»\n",
  ],
  clean: [
    "FROM debian:12\nRUN gem install bundler:2.5.22\n",
    "FROM debian:12\nRUN gem install bundler -v 2.5.22\n",
  ],
});
