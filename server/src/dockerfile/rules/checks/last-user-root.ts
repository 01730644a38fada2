// The final stage switches to root last (DL3002).
import type { Check } from '../types';

export const check: Check = {
  document(context) {
    const stages = context.document.model.stages;
    const last = stages[stages.length - 1];
    if (!last) return;
    const users = last.instructions.filter((instruction) => instruction.name === 'USER');
    const user = users[users.length - 1];
    const value = user && context.factsOf(user)?.expandedArgs?.[0];
    if (!user || !value || value.unknown) return;
    const name = value.value.split(':')[0];
    if (name !== 'root' && name !== '0') return;
    context.report({ start: user.args[0]?.start ?? user.start, end: user.end, message: 'Last USER should not be root: switch to an unprivileged user at the end of the final stage.' });
  },
};
