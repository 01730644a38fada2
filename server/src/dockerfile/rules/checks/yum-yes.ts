// yum install without -y waits for a confirmation the build cannot give (DL3030).
import { rpmAssumeYesCheck } from '../support/rpmAssumeYes';

export const check = rpmAssumeYesCheck(['yum']);
