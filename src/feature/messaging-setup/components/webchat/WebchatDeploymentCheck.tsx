import React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Text } from '@twilio-paste/core/text';

import { WEBCHAT_KEY_WITHOUT_ADDRESS } from '../../../../contract/alerts';
import type { BackendClient } from '../../api/backendClient';
import { useAccountAlerts } from '../../state/useAccountAlerts';
import { fill, useStrings } from '../../strings';
import { AlertGroupItem } from '../dialogs/RowAlerts';

/**
 * Whether Twilio logged that a website's Webchat uses a deployment key connected to no address
 * (warning 45777, the only trace of deployment keys Twilio exposes: there is no API to list them).
 * Reads the account's alerts only when the admin asks, never with the view.
 */
export function WebchatDeploymentCheck({ backend }: { backend: BackendClient }) {
  const strings = useStrings();
  const { answer, pending, error, check } = useAccountAlerts(backend, WEBCHAT_KEY_WITHOUT_ADDRESS);
  const now = Date.now();
  const groups = answer?.groups.filter((group) => group.code === WEBCHAT_KEY_WITHOUT_ADDRESS) ?? [];

  return (
    <Box as="section" aria-label={strings.MessagingSetupWebchatCheck} marginBottom="space50">
      <Box display="flex" alignItems="center" columnGap="space40" flexWrap="wrap">
        <Text as="p" color="colorTextWeak">
          {strings.MessagingSetupWebchatCheckIntro}
        </Text>
        <Button variant="secondary" size="small" loading={pending} onClick={() => void check()}>
          {strings.MessagingSetupWebchatCheckButton}
        </Button>
      </Box>
      <Box aria-live="polite" marginTop="space30" data-testid="webchat-check-result">
        {pending ? (
          <Text as="p">{strings.MessagingSetupWebchatChecking}</Text>
        ) : error ? (
          <Alert variant="error">{fill(strings.MessagingSetupWebchatCheckFailed, { error })}</Alert>
        ) : !answer ? null : groups.length === 0 ? (
          <Text as="p">
            {fill(strings.MessagingSetupWebchatCheckNone, { days: answer.days })}{' '}
            {strings.MessagingSetupWebchatCheckNoneCaveat}
          </Text>
        ) : (
          <Alert variant="warning">
            <Text as="p" marginBottom="space30">
              {fill(strings.MessagingSetupWebchatCheckFound, { days: answer.days })}
            </Text>
            <Box as="ul" margin="space0" paddingLeft="space0" listStyleType="none">
              {groups.map((group) => (
                <AlertGroupItem key={group.code} group={group} now={now} />
              ))}
            </Box>
            <Text as="p">{strings.MessagingSetupWebchatCheckFix}</Text>
          </Alert>
        )}
        {answer?.truncated && !pending && !error && (
          <Text as="p" fontSize="fontSize30">
            {fill(strings.MessagingSetupRowAlertsTruncated, { count: answer.scanned })}
          </Text>
        )}
      </Box>
    </Box>
  );
}
