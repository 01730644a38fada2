// `yarn cache clean` missing after yarn install.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('yarn-cache-clean', {
  catches: [
    "FROM node:22\nRUN «yarn install»\n",
  ],
  clean: [
    "FROM node:22\nRUN yarn install && yarn cache clean\n",
    "FROM node:22\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n",
  ],
  fixes: [
    { before: "FROM node:22\nRUN yarn install\n", after: "FROM node:22\nRUN yarn install && yarn cache clean\n" },
  ],
});
