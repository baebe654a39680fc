import React from 'react';
import { Badge } from '@twilio-paste/core/badge';

import type { DiagnosisLevel, InactiveState } from '../../diagnostics/diagnose';
import { fill, useStrings, type MessagingSetupStringKey } from '../../strings';

export const VARIANT = {
  ready: 'success',
  warning: 'warning',
  broken: 'error',
  unknown: 'info',
  inactive: 'neutral',
  'set-aside': 'decorative10',
} as const;
/** The string key of each diagnosis level's label. */
export const LEVEL_LABEL_KEY: Record<DiagnosisLevel, MessagingSetupStringKey> = {
  ready: 'MessagingSetupDiagnosisReady',
  warning: 'MessagingSetupDiagnosisWarning',
  broken: 'MessagingSetupDiagnosisBroken',
  unknown: 'MessagingSetupDiagnosisUnknown',
  inactive: 'MessagingSetupDiagnosisInactive',
  'set-aside': 'MessagingSetupDiagnosisSetAside',
};
/** An inactive row's own word, in place of the level's. */
const STATE_LABEL_KEY: Record<InactiveState, MessagingSetupStringKey> = {
  'voice-only': 'MessagingSetupDiagnosisVoiceOnly',
  'in-review': 'MessagingSetupDiagnosisInReview',
};

/** A row's diagnosis level; opens the findings. */
export function DiagnosisBadge({
  address,
  level: diagnosisLevel,
  state,
  onOpen,
}: {
  address: string;
  level: DiagnosisLevel;
  /** An inactive row's state, which names it ("Voice only", "In review"). */
  state?: InactiveState;
  /** Without it, a plain badge (in the findings dialog). */
  onOpen?: () => void;
}) {
  const strings = useStrings();
  const level = strings[state ? STATE_LABEL_KEY[state] : LEVEL_LABEL_KEY[diagnosisLevel]];
  if (!onOpen) {
    return (
      <Badge as="span" variant={VARIANT[diagnosisLevel]}>
        {level}
      </Badge>
    );
  }
  return (
    <Badge
      as="button"
      variant={VARIANT[diagnosisLevel]}
      onClick={onOpen}
      aria-label={fill(strings.MessagingSetupDiagnosisFor, { address, level })}
    >
      {level}
    </Badge>
  );
}
