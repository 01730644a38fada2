// Labels the .hadolint.yaml label schema types as "hash".
import { labelFormat } from '../support/labels';

export const check = labelFormat('hash');
