import type { ExclusionReason } from '../core/capture/policy';
import { t, type MessageKey } from './i18n';

const KEYS: Record<ExclusionReason, MessageKey> = {
  incognito: 'excludedIncognito',
  'no-consent': 'excludedNoConsent',
  paused: 'excludedPaused',
  'not-web': 'excludedNotWeb',
  'user-deny': 'excludedUserDeny',
  intranet: 'excludedIntranet',
  banking: 'excludedBanking',
  health: 'excludedHealth',
  'password-manager': 'excludedPasswordManager',
  'sign-in': 'excludedSignIn',
  webmail: 'excludedWebmail',
  payment: 'excludedPayment',
};

/** Why Doppel does not capture a page, as a sentence that says what the user can do about it. */
export const exclusionMessage = (reason: ExclusionReason): string => t(KEYS[reason]);
