// `CMD ['a', 'b']`: looks like exec form, is not JSON, so BuildKit runs it through /bin/sh -c.
import { repairJsonArray } from '../../fixes/execForm';
import type { Check } from '../types';

export const check: Check = {
  instructions: ['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'ADD', 'COPY', 'VOLUME', 'HEALTHCHECK', 'ONBUILD'],
  visit(instruction, context) {
    const target = instruction.trigger ?? instruction;
    const fallback = target.jsonFallback;
    if (!fallback) return;
    const written = context.text.slice(fallback.start, fallback.end);
    const repaired = repairJsonArray(written);
    // `RUN [ -f x ] && …` is the shell's test command, not an attempt at JSON.
    if (!repaired && !written.includes(',')) return;
    context.report({
      start: fallback.start,
      end: fallback.end,
      message: `This is not valid JSON (${fallback.reason}), so ${target.name} takes it as shell form${target.name === 'SHELL' ? '' : ' and runs it through /bin/sh -c'}. Use double quotes: ${repaired ?? '["executable", "param"]'}.`,
      fix: repaired ? () => ({ title: `Rewrite as ${repaired}`, edits: [{ start: fallback.start, end: fallback.end, newText: repaired }] }) : undefined,
    });
  },
};
