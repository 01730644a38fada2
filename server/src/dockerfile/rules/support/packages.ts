// The shape shared by the package-manager rules: "pin the versions of what you install" and
// "clean the package cache in the same RUN". Each rule file states only what differs.
import { appendCommand } from '../../fixes/runEdits';
import { invocations, type Invocation, type InvocationSpec } from '../../shell/invocations';
import type { RunScript } from '../../shell/runScript';
import type { ShellWord } from '../../shell/types';
import type { Instruction } from '../../syntax/types';
import type { Check, CheckContext } from '../types';
import { cacheMountCovers } from './mounts';
import { isShipped } from './stages';

export interface PinSpec extends InvocationSpec {
  /** Whether a package operand names a version (or is a file, URL…). */
  readonly pinned: (operand: string, invocation: Invocation) => boolean;
  /** An invocation that pins by an option (`gem install -v 1.2 x`). */
  readonly pinnedByOption?: (invocation: Invocation) => boolean;
  /** How to pin, e.g. "curl=<version>". */
  readonly example: (name: string) => string;
  readonly tool: string;
}

export function pinVersions(spec: PinSpec): Check {
  return {
    instructions: ['RUN'],
    programs: spec.programs,
    visit(instruction, context) {
      const script = context.runScript(instruction);
      if (!script) return;
      for (const invocation of invocations(script, spec)) {
        if (spec.pinnedByOption?.(invocation)) continue;
        const unpinned = invocation.operands.filter((operand) => operand.value !== undefined && operand.value !== '' && !spec.pinned(operand.value, invocation));
        if (unpinned.length === 0) continue;
        const first = script.sourceSpan(unpinned[0]);
        const last = script.sourceSpan(unpinned[unpinned.length - 1]);
        const names = unpinned.map((operand) => operand.value!);
        context.report({
          start: first.start,
          end: last.end,
          message: `Pin versions in ${spec.tool}: ${names.join(', ')} ${names.length === 1 ? 'has' : 'have'} no version (e.g. ${spec.example(names[0])}).`,
        });
      }
    },
  };
}

export interface CleanupSpec extends InvocationSpec {
  readonly tool: string;
  /** The cleanup command the fix appends. */
  readonly cleanup: string;
  /** The cache directories (a cache mount there, or an `rm -rf` of them, also counts as cleanup). */
  readonly cachePaths: readonly string[];
  /** Whether the RUN cleans up by a command of its own (`yum clean all`). */
  readonly cleaned: (script: RunScript) => boolean;
  /** Invocations that leave no cache anyway (`apk add --no-cache`, `pip --no-cache-dir`). */
  readonly noCache?: (invocation: Invocation, instruction: Instruction, context: CheckContext) => boolean;
  /** Where the fix goes: append the cleanup command, or insert an option after this word. */
  readonly insertOption?: { readonly option: string; readonly after: (invocation: Invocation) => ShellWord | undefined };
  readonly message: string;
}

/** Package caches left in a layer of the final image (stages that do not ship are not reported). */
export function cleanCache(spec: CleanupSpec): Check {
  return {
    instructions: ['RUN'],
    programs: spec.programs,
    dependsOn: 'shipped-stages',
    visit(instruction, context) {
      const script = context.runScript(instruction);
      if (!script || script.execForm) return;
      const found = invocations(script, spec).filter((invocation) => !spec.noCache?.(invocation, instruction, context));
      if (found.length === 0) return;
      if (!isShipped(context.document.model, context.stageOf(instruction))) return;
      if (cacheMountCovers(instruction, spec.cachePaths) || spec.cleaned(script) || removesAny(script, spec.cachePaths)) return;
      const invocation = found[0];
      const span = script.sourceSpan({ start: invocation.command.start, end: invocation.command.end });
      const insert = spec.insertOption;
      context.report({
        ...span,
        message: spec.message,
        fix: () => {
          if (insert) {
            const edits = found.flatMap((each) => {
              const word = insert.after(each);
              if (!word) return [];
              const at = script.sourceSpan(word).end;
              return [{ start: at, end: at, newText: ` ${insert.option}` }];
            });
            return edits.length > 0 ? { title: `Add ${insert.option}`, edits } : undefined;
          }
          const edit = appendCommand(context.document, instruction, script, spec.cleanup);
          return edit ? { title: `Append ${spec.cleanup}`, edits: [edit] } : undefined;
        },
      });
    },
  };
}

const RM: InvocationSpec = { programs: ['rm'] };

function removesAny(script: RunScript, paths: readonly string[]): boolean {
  for (const invocation of invocations(script, RM)) {
    for (const operand of invocation.operands) {
      const value = (operand.value ?? operand.text).replace(/\/?\*$/, '').replace(/\/+$/, '');
      if (paths.some((path) => value === path || path.startsWith(`${value}/`) || value.startsWith(`${path}/`))) return true;
    }
  }
  return false;
}
