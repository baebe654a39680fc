import React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Text } from '@twilio-paste/core/text';
import { useUID } from '@twilio-paste/core/uid-library';

import type { HistoryIntegrity } from '../../../../contract/types';
import { describeChainProblem } from '../../state/historyText';
import { fill, useStrings, type MessagingSetupStrings } from '../../strings';

/** What was checked and found to match, with what the check could not vouch for. */
function intactText(
  { newest, oldest, carriedOverThrough, startsAfterGap }: HistoryIntegrity,
  strings: MessagingSetupStrings,
): string {
  const checked =
    newest === null
      ? strings.MessagingSetupHistoryIntactNothing
      : oldest === null || oldest === newest
        ? fill(strings.MessagingSetupHistoryIntactCheckedOne, { newest })
        : fill(strings.MessagingSetupHistoryIntactChecked, { newest, oldest });
  const clauses = [checked];
  if (carriedOverThrough !== undefined) {
    clauses.push(fill(strings.MessagingSetupHistoryCarriedOverThrough, { id: carriedOverThrough }));
  }
  if (startsAfterGap) clauses.push(strings.MessagingSetupHistoryStartsAfterGap);
  return `${clauses.join('; ')}.`;
}

/** The newest entry that does not match and why, how many others, and what that means. */
function brokenText({ broken }: HistoryIntegrity, strings: MessagingSetupStrings): string {
  const [first, ...others] = broken;
  const sentences: string[] = [];
  if (first) {
    sentences.push(
      fill(strings.MessagingSetupHistoryBrokenFirst, {
        id: first.id,
        problem: describeChainProblem(first.problem, strings),
      }),
    );
  }
  if (others.length === 1) sentences.push(strings.MessagingSetupHistoryBrokenOthersOne);
  if (others.length > 1) sentences.push(fill(strings.MessagingSetupHistoryBrokenOthers, { count: others.length }));
  sentences.push(strings.MessagingSetupHistoryBrokenNotRevertible);
  return sentences.join(' ');
}

/**
 * Above the History list: whether the entries loaded match the chain the backend keeps over them
 * (list-history's `integrity`). Named by its title, "History intact" or "History does not match",
 * so a reader (and a test) finds it by that; an error when broken, so it is announced.
 */
export function HistoryIntegrityNotice({ integrity }: { integrity: HistoryIntegrity }) {
  const strings = useStrings();
  const titleId = useUID();
  const broken = integrity.verdict === 'broken';
  return (
    <Box marginBottom="space50">
      <Alert variant={broken ? 'error' : 'neutral'} aria-labelledby={titleId} data-testid="history-integrity">
        <Text as="strong" id={titleId} fontWeight="fontWeightSemibold">
          {broken ? strings.MessagingSetupHistoryBroken : strings.MessagingSetupHistoryIntact}
        </Text>{' '}
        <Text as="span">{broken ? brokenText(integrity, strings) : intactText(integrity, strings)}</Text>
      </Alert>
    </Box>
  );
}
