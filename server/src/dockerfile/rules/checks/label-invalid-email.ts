// Labels the .hadolint.yaml label schema types as "email".
import { labelFormat } from '../support/labels';

export const check = labelFormat('email');
