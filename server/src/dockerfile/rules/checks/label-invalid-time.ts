// Labels the .hadolint.yaml label schema types as "rfc3339".
import { labelFormat } from '../support/labels';

export const check = labelFormat('rfc3339');
