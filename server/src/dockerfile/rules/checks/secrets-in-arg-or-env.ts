// ARG/ENV names that look like secrets: their values end up in the image metadata (DL3064, SecretsUsedInArgOrEnv).
import type { Check } from '../types';

const SECRET = /(?:^|_)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
// Public keys and key fingerprints (GPG_KEY in the official python images) are not secrets.
const ALLOWED = /(?:^|_)(?:public|gpg|pgp|pub)(?:_|$)/i;

export const check: Check = {
  instructions: ['ARG', 'ENV'],
  visit(instruction, context) {
    for (const pair of instruction.keyValues) {
      const name = pair.key.value;
      if (!SECRET.test(name) || ALLOWED.test(name)) continue;
      context.report({
        start: pair.key.start,
        end: pair.key.end,
        message: `Do not use ARG or ENV instructions for sensitive data (${instruction.name} "${name}"): its value is stored in the image. Use RUN --mount=type=secret.`,
      });
    }
  },
};
