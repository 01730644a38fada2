// dnf install without -y waits for a confirmation the build cannot give (DL3038); microdnf never asks.
import { rpmAssumeYesCheck } from '../support/rpmAssumeYes';

export const check = rpmAssumeYesCheck(['dnf', 'microdnf'], ['microdnf']);
