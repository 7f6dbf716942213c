import type { ExclusionReason } from './policy';

/** Whether Doppel captures the tab in front of the user, and if not, why. */
export type TabCaptureState = { capturing: true } | { capturing: false; reason: ExclusionReason };
