// `COPY . .` before installing dependencies: any change to any file re-runs the install.
import { invocations } from '../../shell/invocations';
import type { RunScript } from '../../shell/runScript';
import { detach } from '../memory';
import type { Check } from '../types';

/** Dependency installs that read a manifest (package.json, requirements.txt, go.mod, Gemfile…). */
const INSTALLS: readonly { programs: string[]; subcommands?: string[]; manifest: string }[] = [
  { programs: ['npm'], subcommands: ['install', 'ci', 'i'], manifest: 'package.json package-lock.json' },
  { programs: ['yarn'], subcommands: ['install'], manifest: 'package.json yarn.lock' },
  { programs: ['pnpm'], subcommands: ['install', 'i'], manifest: 'package.json pnpm-lock.yaml' },
  { programs: ['pip', 'pip3'], subcommands: ['install'], manifest: 'requirements.txt' },
  { programs: ['poetry'], subcommands: ['install'], manifest: 'pyproject.toml poetry.lock' },
  { programs: ['go'], subcommands: ['mod'], manifest: 'go.mod go.sum' },
  { programs: ['bundle'], subcommands: ['install'], manifest: 'Gemfile Gemfile.lock' },
  { programs: ['composer'], subcommands: ['install'], manifest: 'composer.json composer.lock' },
  { programs: ['mvn'], subcommands: ['dependency:go-offline', 'dependency:resolve'], manifest: 'pom.xml' },
  { programs: ['cargo'], subcommands: ['fetch'], manifest: 'Cargo.toml Cargo.lock' },
];

export const check: Check = {
  stage(stage, context) {
    let copyAll: { start: number; end: number } | undefined;
    for (const instruction of stage.instructions) {
      if (instruction.name === 'COPY') {
        const copiesAll = context.memo(instruction, 'copy-all-before-install', () => {
          if (instruction.flags.some((flag) => flag.name.value === 'from')) return false;
          const sources = instruction.args.slice(0, -1).map((arg) => arg.value);
          return sources.some((source) => source === '.' || source === './' || source === '*');
        });
        if (copiesAll) copyAll ??= { start: instruction.start, end: instruction.end };
        continue;
      }
      if (instruction.name !== 'RUN' || !copyAll) continue;
      const install = context.memo(instruction, 'copy-all-before-install', () => installIn(context.runScript(instruction)));
      if (!install) continue;
      context.report({
        ...copyAll,
        message: `COPY of the whole context before "${install.command}" (line ${instruction.range.start.line + 1}): every change to any file re-runs the install. COPY ${install.manifest} first, install, then COPY the rest.`,
        related: [{ start: instruction.start, end: instruction.end, message: 'Dependencies installed here' }],
      });
      copyAll = undefined;
      break;
    }
  },
};

/** The first dependency install of a RUN that reads a manifest: "npm ci" and the manifest's files. */
function installIn(script: RunScript | undefined): { command: string; manifest: string } | undefined {
  if (!script) return undefined;
  for (const install of INSTALLS) {
    const found = invocations(script, install);
    if (found.length === 0) continue;
    // pip install without -r installs named packages: no manifest involved.
    if (install.manifest === 'requirements.txt' && !found.some((invocation) => invocation.args.some((word) => word.value === '-r' || word.value === '--requirement' || word.value === '.' || word.value === '-e'))) continue;
    return { command: detach(`${found[0].program} ${found[0].subcommand?.value ?? ''}`), manifest: install.manifest };
  }
  return undefined;
}
