import React from 'react';
import { Badge } from '@twilio-paste/core/badge';

import type { DiagnosisLevel } from '../../diagnostics/diagnose';
import { fill, useStrings, type MessagingSetupStringKey } from '../../strings';

const VARIANT = { ready: 'success', warning: 'warning', broken: 'error' } as const;
/** The string key of each diagnosis level's label. */
export const LEVEL_LABEL_KEY: Record<DiagnosisLevel, MessagingSetupStringKey> = {
  ready: 'MessagingSetupDiagnosisReady',
  warning: 'MessagingSetupDiagnosisWarning',
  broken: 'MessagingSetupDiagnosisBroken',
};

/** A row's diagnosis level; opens the findings. */
export function DiagnosisBadge({
  address,
  level: diagnosisLevel,
  onOpen,
}: {
  address: string;
  level: DiagnosisLevel;
  /** Without it, a plain badge (in the findings dialog). */
  onOpen?: () => void;
}) {
  const strings = useStrings();
  const level = strings[LEVEL_LABEL_KEY[diagnosisLevel]];
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
