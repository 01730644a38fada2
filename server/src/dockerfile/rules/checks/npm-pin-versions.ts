// npm install pkg@version (DL3016). `npm install` / `npm ci` from package.json are fine.
import { pinVersions } from '../support/packages';

export const check = pinVersions({
  programs: ['npm'],
  subcommands: ['install', 'i', 'add', 'isntall', 'in'],
  optionsWithValue: ['--prefix', '--registry', '--cache', '--omit', '--include', '--tag', '--loglevel', '-w', '--workspace', '--userconfig'],
  tool: 'npm install',
  pinned: (operand) => {
    const name = operand.startsWith('@') ? operand.slice(1) : operand;
    return name.includes('@') || operand.includes('://') || operand.startsWith('.') || operand.startsWith('/') || operand.startsWith('git') || operand.endsWith('.tgz') || (operand.includes('/') && !operand.startsWith('@'));
  },
  example: (name) => `${name}@<version>`,
});
