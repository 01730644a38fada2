// Every check, by rule id. Rules without an entry here are reported by the parser and the
// semantic model (see problems.ts); a test keeps this list and the table in step.
import type { Check, RuleId } from '../types';
import { check as missingArguments } from './missing-arguments';
import { check as checkDirectiveInvalid } from './check-directive-invalid';
import { check as execFormInvalidJson } from './exec-form-invalid-json';
import { check as copyFromOwnStage } from './copy-from-own-stage';
import { check as copyFromUnknownStage } from './copy-from-unknown-stage';
import { check as flagUnknown } from './flag-unknown';
import { check as flagDuplicate } from './flag-duplicate';
import { check as flagInvalidValue } from './flag-invalid-value';
import { check as mountInvalid } from './mount-invalid';
import { check as onbuildInvalidTrigger } from './onbuild-invalid-trigger';
import { check as exposeInvalidPort } from './expose-invalid-port';
import { check as exposeInvalidFormat } from './expose-invalid-format';
import { check as exposeProtoCasing } from './expose-proto-casing';
import { check as healthcheckInvalid } from './healthcheck-invalid';
import { check as healthcheckInvalidDuration } from './healthcheck-invalid-duration';
import { check as healthcheckInvalidRetries } from './healthcheck-invalid-retries';
import { check as stopsignalInvalid } from './stopsignal-invalid';
import { check as emptyCommand } from './empty-command';
import { check as userNameOnScratch } from './user-name-on-scratch';
import { check as shellNotJson } from './shell-not-json';
import { check as copyMultipleSourcesDest } from './copy-multiple-sources-dest';
import { check as duplicateStageName } from './duplicate-stage-name';
import { check as reservedStageName } from './reserved-stage-name';
import { check as undefinedVar } from './undefined-var';
import { check as undefinedArgInFrom } from './undefined-arg-in-from';
import { check as envSelfReference } from './env-self-reference';
import { check as secretsInArgOrEnv } from './secrets-in-arg-or-env';
import { check as imageUntagged } from './image-untagged';
import { check as imageLatest } from './image-latest';
import { check as untrustedRegistry } from './untrusted-registry';
import { check as fromPlatformConstant } from './from-platform-constant';
import { check as redundantTargetPlatform } from './redundant-target-platform';
import { check as jsonArgsRecommended } from './json-args-recommended';
import { check as multipleCmd } from './multiple-cmd';
import { check as multipleEntrypoint } from './multiple-entrypoint';
import { check as multipleHealthcheck } from './multiple-healthcheck';
import { check as healthcheckMissing } from './healthcheck-missing';
import { check as maintainerDeprecated } from './maintainer-deprecated';
import { check as legacyKeyValue } from './legacy-key-value';
import { check as workdirRelativePath } from './workdir-relative-path';
import { check as copyRelativeDestWithoutWorkdir } from './copy-relative-dest-without-workdir';
import { check as lastUserRoot } from './last-user-root';
import { check as userNonNumeric } from './user-non-numeric';
import { check as copyFromStageRoot } from './copy-from-stage-root';
import { check as useraddHighUid } from './useradd-high-uid';
import { check as definitionDescription } from './definition-description';
import { check as layerWasteDelete } from './layer-waste-delete';
import { check as addRemoteUrl } from './add-remote-url';
import { check as addInsteadOfCopy } from './add-instead-of-copy';
import { check as copyArchiveThenExtract } from './copy-archive-then-extract';
import { check as consecutiveRun } from './consecutive-run';
import { check as copyIgnoredFile } from './copy-ignored-file';
import { check as copyAllBeforeInstall } from './copy-all-before-install';
import { check as runShellSyntax } from './run-shell-syntax';
import { check as pointlessCommand } from './pointless-command';
import { check as cdInsteadOfWorkdir } from './cd-instead-of-workdir';
import { check as noSudo } from './no-sudo';
import { check as noApt } from './no-apt';
import { check as aptGetPinVersions } from './apt-get-pin-versions';
import { check as aptGetListsNotDeleted } from './apt-get-lists-not-deleted';
import { check as aptGetYes } from './apt-get-yes';
import { check as aptGetNoInstallRecommends } from './apt-get-no-install-recommends';
import { check as apkPinVersions } from './apk-pin-versions';
import { check as apkNoCache } from './apk-no-cache';
import { check as pipPinVersions } from './pip-pin-versions';
import { check as pipNoCacheDir } from './pip-no-cache-dir';
import { check as npmPinVersions } from './npm-pin-versions';
import { check as gemPinVersions } from './gem-pin-versions';
import { check as goInstallPinVersion } from './go-install-pin-version';
import { check as yumYes } from './yum-yes';
import { check as yumCleanAll } from './yum-clean-all';
import { check as yumPinVersions } from './yum-pin-versions';
import { check as dnfYes } from './dnf-yes';
import { check as dnfCleanAll } from './dnf-clean-all';
import { check as dnfPinVersions } from './dnf-pin-versions';
import { check as zypperNonInteractive } from './zypper-non-interactive';
import { check as zypperDistUpgrade } from './zypper-dist-upgrade';
import { check as zypperClean } from './zypper-clean';
import { check as zypperPinVersions } from './zypper-pin-versions';
import { check as yarnCacheClean } from './yarn-cache-clean';
import { check as wgetProgress } from './wget-progress';
import { check as wgetAndCurl } from './wget-and-curl';
import { check as shellChangeViaLn } from './shell-change-via-ln';
import { check as pipefailMissing } from './pipefail-missing';
import { check as labelKeyInvalid } from './label-key-invalid';
import { check as labelEmpty } from './label-empty';
import { check as labelRequired } from './label-required';
import { check as labelNotInSchema } from './label-not-in-schema';
import { check as labelInvalidUrl } from './label-invalid-url';
import { check as labelInvalidTime } from './label-invalid-time';
import { check as labelInvalidSpdx } from './label-invalid-spdx';
import { check as labelInvalidHash } from './label-invalid-hash';
import { check as labelInvalidSemver } from './label-invalid-semver';
import { check as labelInvalidEmail } from './label-invalid-email';
import { check as instructionCasing } from './instruction-casing';
import { check as fromAsCasing } from './from-as-casing';
import { check as stageNameCasing } from './stage-name-casing';
import { check as emptyContinuation } from './empty-continuation';
import { check as noInlineIgnore } from './no-inline-ignore';

export const CHECKS: Partial<Record<RuleId, Check>> = {
  'missing-arguments': missingArguments,
  'check-directive-invalid': checkDirectiveInvalid,
  'exec-form-invalid-json': execFormInvalidJson,
  'copy-from-own-stage': copyFromOwnStage,
  'copy-from-unknown-stage': copyFromUnknownStage,
  'flag-unknown': flagUnknown,
  'flag-duplicate': flagDuplicate,
  'flag-invalid-value': flagInvalidValue,
  'mount-invalid': mountInvalid,
  'onbuild-invalid-trigger': onbuildInvalidTrigger,
  'expose-invalid-port': exposeInvalidPort,
  'expose-invalid-format': exposeInvalidFormat,
  'expose-proto-casing': exposeProtoCasing,
  'healthcheck-invalid': healthcheckInvalid,
  'healthcheck-invalid-duration': healthcheckInvalidDuration,
  'healthcheck-invalid-retries': healthcheckInvalidRetries,
  'stopsignal-invalid': stopsignalInvalid,
  'empty-command': emptyCommand,
  'user-name-on-scratch': userNameOnScratch,
  'shell-not-json': shellNotJson,
  'copy-multiple-sources-dest': copyMultipleSourcesDest,
  'duplicate-stage-name': duplicateStageName,
  'reserved-stage-name': reservedStageName,
  'undefined-var': undefinedVar,
  'undefined-arg-in-from': undefinedArgInFrom,
  'env-self-reference': envSelfReference,
  'secrets-in-arg-or-env': secretsInArgOrEnv,
  'image-untagged': imageUntagged,
  'image-latest': imageLatest,
  'untrusted-registry': untrustedRegistry,
  'from-platform-constant': fromPlatformConstant,
  'redundant-target-platform': redundantTargetPlatform,
  'json-args-recommended': jsonArgsRecommended,
  'multiple-cmd': multipleCmd,
  'multiple-entrypoint': multipleEntrypoint,
  'multiple-healthcheck': multipleHealthcheck,
  'healthcheck-missing': healthcheckMissing,
  'maintainer-deprecated': maintainerDeprecated,
  'legacy-key-value': legacyKeyValue,
  'workdir-relative-path': workdirRelativePath,
  'copy-relative-dest-without-workdir': copyRelativeDestWithoutWorkdir,
  'last-user-root': lastUserRoot,
  'user-non-numeric': userNonNumeric,
  'copy-from-stage-root': copyFromStageRoot,
  'useradd-high-uid': useraddHighUid,
  'definition-description': definitionDescription,
  'layer-waste-delete': layerWasteDelete,
  'add-remote-url': addRemoteUrl,
  'add-instead-of-copy': addInsteadOfCopy,
  'copy-archive-then-extract': copyArchiveThenExtract,
  'consecutive-run': consecutiveRun,
  'copy-ignored-file': copyIgnoredFile,
  'copy-all-before-install': copyAllBeforeInstall,
  'run-shell-syntax': runShellSyntax,
  'pointless-command': pointlessCommand,
  'cd-instead-of-workdir': cdInsteadOfWorkdir,
  'no-sudo': noSudo,
  'no-apt': noApt,
  'apt-get-pin-versions': aptGetPinVersions,
  'apt-get-lists-not-deleted': aptGetListsNotDeleted,
  'apt-get-yes': aptGetYes,
  'apt-get-no-install-recommends': aptGetNoInstallRecommends,
  'apk-pin-versions': apkPinVersions,
  'apk-no-cache': apkNoCache,
  'pip-pin-versions': pipPinVersions,
  'pip-no-cache-dir': pipNoCacheDir,
  'npm-pin-versions': npmPinVersions,
  'gem-pin-versions': gemPinVersions,
  'go-install-pin-version': goInstallPinVersion,
  'yum-yes': yumYes,
  'yum-clean-all': yumCleanAll,
  'yum-pin-versions': yumPinVersions,
  'dnf-yes': dnfYes,
  'dnf-clean-all': dnfCleanAll,
  'dnf-pin-versions': dnfPinVersions,
  'zypper-non-interactive': zypperNonInteractive,
  'zypper-dist-upgrade': zypperDistUpgrade,
  'zypper-clean': zypperClean,
  'zypper-pin-versions': zypperPinVersions,
  'yarn-cache-clean': yarnCacheClean,
  'wget-progress': wgetProgress,
  'wget-and-curl': wgetAndCurl,
  'shell-change-via-ln': shellChangeViaLn,
  'pipefail-missing': pipefailMissing,
  'label-key-invalid': labelKeyInvalid,
  'label-empty': labelEmpty,
  'label-required': labelRequired,
  'label-not-in-schema': labelNotInSchema,
  'label-invalid-url': labelInvalidUrl,
  'label-invalid-time': labelInvalidTime,
  'label-invalid-spdx': labelInvalidSpdx,
  'label-invalid-hash': labelInvalidHash,
  'label-invalid-semver': labelInvalidSemver,
  'label-invalid-email': labelInvalidEmail,
  'instruction-casing': instructionCasing,
  'from-as-casing': fromAsCasing,
  'stage-name-casing': stageNameCasing,
  'empty-continuation': emptyContinuation,
  'no-inline-ignore': noInlineIgnore,
};
