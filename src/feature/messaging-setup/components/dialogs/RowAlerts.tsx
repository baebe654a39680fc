import React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Anchor } from '@twilio-paste/core/anchor';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Heading } from '@twilio-paste/core/heading';
import { Text } from '@twilio-paste/core/text';

import { ALERT_DAYS_DEFAULT, type AlertGroup, type AlertLevel } from '../../../../contract/alerts';
import type { BackendClient } from '../../api/backendClient';
import { formatWhen } from '../../state/historyText';
import { relativeAge } from '../../state/relativeTime';
import { useRowAlerts, type AlertsRow } from '../../state/useRowAlerts';
import { fill, useStrings, type MessagingSetupStringKey, type MessagingSetupStrings } from '../../strings';

const LEVEL_KEY: Record<AlertLevel, MessagingSetupStringKey> = {
  error: 'MessagingSetupRowAlertsLevelError',
  warning: 'MessagingSetupRowAlertsLevelWarning',
  notice: 'MessagingSetupRowAlertsLevelNotice',
  debug: 'MessagingSetupRowAlertsLevelDebug',
};

const BORDER: Record<AlertLevel, 'colorBorderError' | 'colorBorderWarning' | 'colorBorder'> = {
  error: 'colorBorderError',
  warning: 'colorBorderWarning',
  notice: 'colorBorder',
  debug: 'colorBorder',
};

function loggedText(group: AlertGroup, strings: MessagingSetupStrings, now: number): string {
  const when = group.lastAt ? formatWhen(group.lastAt) : '—';
  const age = relativeAge(group.lastAt, now) ?? '—';
  return group.count === 1
    ? fill(strings.MessagingSetupRowAlertsOnce, { when, age })
    : fill(strings.MessagingSetupRowAlertsTimes, { count: group.count, when, age });
}

/** One code's alerts as a list item: also the Webchat deployment check's (components/webchat/). */
export function AlertGroupItem({ group, now }: { group: AlertGroup; now: number }) {
  const strings = useStrings();
  return (
    <Box
      as="li"
      data-testid="row-alert"
      data-code={group.code}
      borderLeftStyle="solid"
      borderLeftWidth="borderWidth30"
      borderLeftColor={BORDER[group.level]}
      paddingLeft="space40"
      marginBottom="space50"
    >
      <Text as="p" fontWeight="fontWeightSemibold">
        {fill(strings.MessagingSetupRowAlertsCode, { level: strings[LEVEL_KEY[group.level]], code: group.code })}:{' '}
        {group.description ?? strings.MessagingSetupRowAlertsNoDescription}
      </Text>
      <Text as="p">{loggedText(group, strings, now)}</Text>
      <Box display="flex" columnGap="space50" marginTop="space20">
        <Anchor href={group.consoleUrl} showExternal>
          {strings.MessagingSetupRowAlertsViewInConsole}
        </Anchor>
        {group.moreInfo && (
          <Anchor href={group.moreInfo} showExternal>
            {fill(strings.MessagingSetupRowAlertsAboutCode, { code: group.code })}
          </Anchor>
        )}
      </Box>
    </Box>
  );
}

/**
 * The Debugger alerts Twilio logged about a row in the last days, by error code: evidence, shown
 * apart from (and said to differ from) the findings the dialog infers from configuration. Loads
 * when the dialog opens.
 */
export function RowAlerts({ backend, row }: { backend: BackendClient; row: AlertsRow }) {
  const strings = useStrings();
  const { answer, loading, error, retry } = useRowAlerts(backend, row);
  const days = answer?.days ?? ALERT_DAYS_DEFAULT;
  const now = Date.now();

  return (
    <Box as="section" aria-label={strings.MessagingSetupRowAlerts} marginTop="space60">
      <Heading as="h3" variant="heading50">
        {strings.MessagingSetupRowAlerts}
      </Heading>
      <Text as="p" marginBottom="space40" color="colorTextWeak">
        {fill(strings.MessagingSetupRowAlertsObserved, { days })}
      </Text>
      {error ? (
        <Alert variant="error">
          {fill(strings.MessagingSetupRowAlertsFailed, { error })}{' '}
          <Button variant="link" onClick={retry}>
            {strings.MessagingSetupRowAlertsTryAgain}
          </Button>
        </Alert>
      ) : loading || !answer ? (
        <Text as="p">{strings.MessagingSetupRowAlertsLoading}</Text>
      ) : answer.groups.length === 0 ? (
        <Text as="p">{fill(strings.MessagingSetupRowAlertsNone, { days })}</Text>
      ) : (
        <Box as="ul" margin="space0" paddingLeft="space0" listStyleType="none">
          {answer.groups.map((group) => (
            <AlertGroupItem key={group.code} group={group} now={now} />
          ))}
        </Box>
      )}
      {answer?.truncated && !error && (
        <Text as="p" fontSize="fontSize30">
          {fill(strings.MessagingSetupRowAlertsTruncated, { count: answer.scanned })}
        </Text>
      )}
    </Box>
  );
}
