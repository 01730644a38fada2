// Only the last HEALTHCHECK of a stage counts (MultipleInstructionsDisallowed).
import { onlyLastCounts } from '../support/multiple';

export const check = onlyLastCounts('HEALTHCHECK');
