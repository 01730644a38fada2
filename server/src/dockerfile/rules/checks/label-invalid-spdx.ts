// Labels the .hadolint.yaml label schema types as "spdx".
import { labelFormat } from '../support/labels';

export const check = labelFormat('spdx');
