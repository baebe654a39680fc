import React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Text } from '@twilio-paste/core/text';

import { loadFailures, type LoadFailureGroup } from '../../state/loadFailures';
import type { SetupData, SourceName } from '../../state/setupData';
import { fill, useStrings, type MessagingSetupStringKey, type MessagingSetupStrings } from '../../strings';

/**
 * Failures that are about the backend, the user or the account rather than one list: every list
 * fails the same way, so they are said once, with what to do, instead of once per list.
 */
const VIEW_WIDE: Record<string, { title: MessagingSetupStringKey; body: MessagingSetupStringKey }> = {
  unreachable: { title: 'MessagingSetupProblemUnreachableTitle', body: 'MessagingSetupProblemUnreachable' },
  token_missing: { title: 'MessagingSetupProblemSignInTitle', body: 'MessagingSetupProblemSignIn' },
  token_invalid: { title: 'MessagingSetupProblemSignInTitle', body: 'MessagingSetupProblemSignIn' },
  token_check_unavailable: { title: 'MessagingSetupProblemTokenCheckTitle', body: 'MessagingSetupProblemTokenCheck' },
  forbidden: { title: 'MessagingSetupProblemForbiddenTitle', body: 'MessagingSetupProblemForbidden' },
  twilio_auth: { title: 'MessagingSetupProblemCredentialsTitle', body: 'MessagingSetupProblemCredentials' },
};

const isViewWide = (code: string) => Object.prototype.hasOwnProperty.call(VIEW_WIDE, code);

interface LoadProblemsProps {
  sources: SetupData['sources'];
  sourceLabel: Record<SourceName, MessagingSetupStringKey>;
  backendUrl: string;
  reload: (source: SourceName) => void;
}

/**
 * The lists that could not be loaded, in one alert with one Try again that loads every one of them
 * again: a cause shared by several lists is said once (naming them, or what to do when the cause
 * is the backend's, the sign-in's or the role's); different causes are a line each in that alert.
 */
export function LoadProblems({ sources, sourceLabel, backendUrl, reload }: LoadProblemsProps) {
  const strings = useStrings();
  const { groups, failed, all } = loadFailures(sources, isViewWide);
  if (groups.length === 0) return null;

  // "Any list" only when one cause failed them all.
  const everyList = all && groups.length === 1;
  const words = (group: LoadFailureGroup) => groupWords(group, { strings, sourceLabel, backendUrl, everyList });
  const tryAgain = (
    <Button variant="link" onClick={() => failed.forEach(reload)}>
      {strings.MessagingSetupTryAgain}
    </Button>
  );
  const [only] = groups;
  const single = groups.length === 1 ? words(only) : undefined;
  return (
    <Box marginBottom="space50" data-testid="load-problem" data-code={single ? only.code : 'mixed'}>
      <Alert variant="error">
        {single?.title !== undefined ? (
          <>
            <Text as="strong" display="block" fontWeight="fontWeightSemibold">
              {single.title}
            </Text>
            <Text as="p">{single.text}</Text>
            {tryAgain}
          </>
        ) : single ? (
          // Text and button side by side: the alert reads as one sentence with its action.
          <>
            {single.text} {tryAgain}
          </>
        ) : (
          <>
            <Text as="strong" display="block" fontWeight="fontWeightSemibold">
              {strings.MessagingSetupLoadProblemsTitle}
            </Text>
            {groups.map((group) => {
              const { title, text } = words(group);
              return (
                <Text as="p" key={`${group.code} ${group.sources.join()}`}>
                  {title !== undefined ? `${title}: ${text}` : text}
                </Text>
              );
            })}
            {tryAgain}
          </>
        )}
      </Alert>
    </Box>
  );
}

/** A cause in words: a view-wide one's title and what to do, else which lists failed and why. */
function groupWords(
  group: LoadFailureGroup,
  context: {
    strings: MessagingSetupStrings;
    sourceLabel: Record<SourceName, MessagingSetupStringKey>;
    backendUrl: string;
    everyList: boolean;
  },
): { title?: string; text: string } {
  const { strings, sourceLabel, backendUrl, everyList } = context;
  const viewWide = VIEW_WIDE[group.code];
  if (viewWide) {
    return {
      title: strings[viewWide.title],
      text: fill(strings[viewWide.body], { error: group.error, url: backendUrl, origin: window.location.origin }),
    };
  }
  if (everyList) return { text: fill(strings.MessagingSetupLoadFailedAll, { error: group.error }) };
  return {
    text: fill(strings.MessagingSetupLoadFailed, {
      source: group.sources.map((source) => strings[sourceLabel[source]]).join(', '),
      error: group.error,
    }),
  };
}
