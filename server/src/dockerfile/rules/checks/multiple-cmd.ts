// Only the last CMD of a stage counts (MultipleInstructionsDisallowed).
import { onlyLastCounts } from '../support/multiple';

export const check = onlyLastCounts('CMD');
