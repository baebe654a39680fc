import React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Text } from '@twilio-paste/core/text';

import type { SetupData, SourceName } from '../../state/setupData';
import { fill, useStrings, type MessagingSetupStringKey } from '../../strings';

/**
 * Failures that are about the backend or the user rather than one list: every list fails the same
 * way, so they are said once, with what to do, instead of once per list.
 */
const VIEW_WIDE: Record<string, { title: MessagingSetupStringKey; body: MessagingSetupStringKey }> = {
  unreachable: { title: 'MessagingSetupProblemUnreachableTitle', body: 'MessagingSetupProblemUnreachable' },
  token_missing: { title: 'MessagingSetupProblemSignInTitle', body: 'MessagingSetupProblemSignIn' },
  token_invalid: { title: 'MessagingSetupProblemSignInTitle', body: 'MessagingSetupProblemSignIn' },
  forbidden: { title: 'MessagingSetupProblemForbiddenTitle', body: 'MessagingSetupProblemForbidden' },
  twilio_auth: { title: 'MessagingSetupProblemCredentialsTitle', body: 'MessagingSetupProblemCredentials' },
};

interface LoadProblemsProps {
  sources: SetupData['sources'];
  sourceLabel: Record<SourceName, MessagingSetupStringKey>;
  backendUrl: string;
  reload: (source: SourceName) => void;
}

/** The lists that could not be loaded: one alert for a view-wide cause, else one per list, each with Try again. */
export function LoadProblems({ sources, sourceLabel, backendUrl, reload }: LoadProblemsProps) {
  const strings = useStrings();
  const failed = (Object.keys(sources) as SourceName[]).filter((s) => sources[s].error);
  if (failed.length === 0) return null;

  const codes = new Set(failed.map((s) => sources[s].errorCode));
  const [code] = codes;
  const viewWide = codes.size === 1 && code ? VIEW_WIDE[code] : undefined;
  if (viewWide) {
    return (
      <Box marginBottom="space50" data-testid="load-problem" data-code={code}>
        <Alert variant="error">
          <Text as="strong" display="block" fontWeight="fontWeightSemibold">
            {strings[viewWide.title]}
          </Text>
          <Text as="p">
            {fill(strings[viewWide.body], {
              error: sources[failed[0]].error ?? '',
              url: backendUrl,
              origin: window.location.origin,
            })}
          </Text>
          <Button variant="link" onClick={() => failed.forEach(reload)}>
            {strings.MessagingSetupTryAgain}
          </Button>
        </Alert>
      </Box>
    );
  }
  return (
    <>
      {failed.map((source) => (
        <Box key={source} marginBottom="space50">
          <Alert variant="error">
            {fill(strings.MessagingSetupLoadFailed, {
              source: strings[sourceLabel[source]],
              error: sources[source].error ?? '',
            })}{' '}
            <Button variant="link" onClick={() => reload(source)}>
              {strings.MessagingSetupTryAgain}
            </Button>
          </Alert>
        </Box>
      ))}
    </>
  );
}
