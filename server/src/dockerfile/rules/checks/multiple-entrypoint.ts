// Only the last ENTRYPOINT of a stage counts (MultipleInstructionsDisallowed).
import { onlyLastCounts } from '../support/multiple';

export const check = onlyLastCounts('ENTRYPOINT');
