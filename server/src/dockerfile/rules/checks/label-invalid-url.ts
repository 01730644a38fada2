// Labels the .hadolint.yaml label schema types as "url".
import { labelFormat } from '../support/labels';

export const check = labelFormat('url');
