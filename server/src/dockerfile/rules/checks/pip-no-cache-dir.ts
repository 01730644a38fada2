// pip install keeps its download cache in the layer unless --no-cache-dir (DL3042).
import { hasOption } from '../../shell/invocations';
import { cleanCache } from '../support/packages';
import { PIP_OPTIONS_WITH_VALUE, PIP_PROGRAMS } from './pip-pin-versions';

export const check = cleanCache({
  programs: PIP_PROGRAMS,
  subcommands: ['install'],
  optionsWithValue: PIP_OPTIONS_WITH_VALUE,
  tool: 'pip',
  cleanup: 'rm -rf /root/.cache/pip',
  cachePaths: ['/root/.cache/pip', '/root/.cache'],
  cleaned: () => false,
  noCache: (invocation, instruction, context) =>
    hasOption(invocation.args, ['--no-cache-dir', '--no-cache']) ||
    invocation.command.assignments.includes('PIP_NO_CACHE_DIR') ||
    context.document.model.variables.some((variable) => variable.name === 'PIP_NO_CACHE_DIR' && variable.instruction !== undefined && variable.instruction.start < instruction.start),
  insertOption: { option: '--no-cache-dir', after: (invocation) => invocation.subcommand },
  message: 'Avoid use of cache directory with pip: use pip install --no-cache-dir <package> (or a cache mount).',
});
