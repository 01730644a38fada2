// Labels the .hadolint.yaml label schema types as "semver".
import { labelFormat } from '../support/labels';

export const check = labelFormat('semver');
