// go install module@version, not @latest (DL3062). Local packages (./…) are fine.
import { pinVersions } from '../support/packages';

export const check = pinVersions({
  programs: ['go'],
  subcommands: ['install'],
  optionsWithValue: ['-C', '-p', '-tags', '-ldflags', '-gcflags', '-asmflags', '-mod', '-modfile', '-o', '-pkgdir', '-toolexec', '-overlay', '-pgo', '-covermode', '-coverpkg', '-buildmode', '-compiler', '-gccgoflags', '-installsuffix'],
  tool: 'go install',
  pinned: (operand) => (operand.includes('@') && !operand.endsWith('@latest')) || operand.startsWith('.') || operand.startsWith('/') || !operand.includes('.'),
  example: (name) => `${name.replace(/@latest$/, '')}@<version>`,
});
