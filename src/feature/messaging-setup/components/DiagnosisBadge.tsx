import React from 'react';
import { Badge } from '@twilio-paste/core/badge';

import type { Diagnosis, DiagnosisLevel } from '../diagnostics/diagnose';
import { fill, useStrings, type MessagingSetupStringKey } from '../strings';

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
  diagnosis,
  onOpen,
}: {
  address: string;
  diagnosis: Diagnosis;
  /** Without it, a plain badge (in the findings dialog). */
  onOpen?: () => void;
}) {
  const strings = useStrings();
  const level = strings[LEVEL_LABEL_KEY[diagnosis.level]];
  if (!onOpen) {
    return (
      <Badge as="span" variant={VARIANT[diagnosis.level]}>
        {level}
      </Badge>
    );
  }
  return (
    <Badge
      as="button"
      variant={VARIANT[diagnosis.level]}
      onClick={onOpen}
      aria-label={fill(strings.MessagingSetupDiagnosisFor, { address, level })}
    >
      {level}
    </Badge>
  );
}
