import React, { useMemo } from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { Text } from '@twilio-paste/core/text';

import type { StuckConversation } from '../../../../contract/types';
import { customerKindOf } from '../../../../contract/channels';
import { relativeAge } from '../../state/relativeTime';
import type { StuckConversations } from '../../state/useStuckConversations';
import { fill, useStrings, type MessagingSetupStrings } from '../../strings';
import { useOpenDialog } from '../dialogs/dialogOwner';
import { DataTable, type Column, type TableSelection } from '../table/DataTable';
import { SidWithCopy } from '../table/SidWithCopy';
import { kindText, stateText } from './traceWords';

interface StuckConversationsPanelProps {
  stuck: StuckConversations;
  canWrite: boolean;
}

const keyOf = (conversation: StuckConversation) => conversation.sid;

/** The channel by the address's form (whatsapp:, messenger:, +E164 for SMS, else a chat identity). */
const channelOf = ({ customer, ourAddress }: StuckConversation, strings: MessagingSetupStrings) => {
  const address = customer ?? ourAddress;
  return address ? kindText(customerKindOf(address), strings) : strings.MessagingSetupStuckUnknown;
};

const whyText = (conversation: StuckConversation, strings: MessagingSetupStrings) =>
  conversation.verdict === 'other-service'
    ? strings.MessagingSetupStuckWhyOtherService
    : strings.MessagingSetupStuckWhyNoOpenTask;

const customerText = (conversation: StuckConversation, strings: MessagingSetupStrings) =>
  conversation.customer ?? strings.MessagingSetupStuckNoCustomer;

function stuckColumns(
  strings: MessagingSetupStrings,
  now: number,
  onClose: ((conversation: StuckConversation) => void) | null,
): Column<StuckConversation>[] {
  const columns: Column<StuckConversation>[] = [
    {
      id: 'customer',
      header: strings.MessagingSetupStuckColumnCustomer,
      dataColumn: 'address',
      cell: (c) => (
        <Text as="span" wordBreak="break-word">
          {customerText(c, strings)}
        </Text>
      ),
    },
    {
      id: 'ourAddress',
      header: strings.MessagingSetupStuckColumnOurAddress,
      cell: (c) => c.ourAddress ?? strings.MessagingSetupStuckNoOurAddress,
    },
    { id: 'channel', header: strings.MessagingSetupStuckColumnChannel, cell: (c) => channelOf(c, strings) },
    { id: 'state', header: strings.MessagingSetupStuckColumnState, cell: (c) => stateText(c.state, strings) },
    {
      id: 'age',
      header: strings.MessagingSetupStuckColumnAge,
      cell: ({ createdAt, updatedAt }) => {
        const started = relativeAge(createdAt, now);
        const active = relativeAge(updatedAt, now);
        return (
          <>
            <Text as="div" title={createdAt ?? undefined}>
              {started
                ? fill(strings.MessagingSetupStuckStarted, { age: started })
                : strings.MessagingSetupStuckUnknown}
            </Text>
            {active && (
              <Text as="div" fontSize="fontSize20" color="colorTextWeak" title={updatedAt ?? undefined}>
                {fill(strings.MessagingSetupStuckLastActivity, { age: active })}
              </Text>
            )}
          </>
        );
      },
    },
    {
      id: 'why',
      header: strings.MessagingSetupStuckColumnWhy,
      cell: (c) => (
        <Text as="span" wordBreak="break-word">
          {whyText(c, strings)}
        </Text>
      ),
    },
    {
      id: 'sid',
      header: strings.MessagingSetupStuckColumnSid,
      cell: ({ sid }) => (
        <SidWithCopy
          sid={sid}
          address={sid}
          copyLabel={fill(strings.MessagingSetupTraceCopyConversationSid, { sid })}
        />
      ),
    },
  ];
  if (!onClose) return columns;
  return [
    ...columns,
    {
      id: 'actions',
      header: strings.MessagingSetupColumnActions,
      align: 'right',
      dataColumn: 'actions',
      cell: (c) => (
        <Button
          variant="destructive_secondary"
          size="small"
          aria-label={
            c.ourAddress
              ? fill(strings.MessagingSetupStuckCloseRowLabelWith, {
                  customer: c.customer ?? c.sid,
                  address: c.ourAddress,
                })
              : fill(strings.MessagingSetupStuckCloseRowLabel, { customer: c.customer ?? c.sid })
          }
          onClick={() => onClose(c)}
        >
          {strings.MessagingSetupStuckCloseRow}
        </Button>
      ),
    },
  ];
}

/** How many there are, as the backend counted them: all of them, or the newest 50 of more. */
function countText(count: number, shown: number, strings: MessagingSetupStrings): string {
  if (count > shown) return fill(strings.MessagingSetupStuckCountShown, { count, shown });
  return count === 1 ? strings.MessagingSetupStuckCountOne : fill(strings.MessagingSetupStuckCount, { count });
}

/**
 * The Stuck conversations tab: the open conversations that hold a customer away from an agent,
 * read when the tab first opens (or the view's lists finished loading, for the banner's count),
 * with why each is stuck; for users who may write, a Close per row and for the ticked rows, which
 * runs in the close dialog and reloads the list after.
 */
export function StuckConversationsPanel({ stuck, canWrite }: StuckConversationsPanelProps) {
  const strings = useStrings();
  const openDialog = useOpenDialog();
  const { answer, answeredAt, loading, error, reload } = stuck;
  const items = answer?.items ?? [];

  const columns = useMemo(
    () =>
      stuckColumns(
        strings,
        answeredAt,
        canWrite ? (c) => openDialog({ kind: 'close-conversations', conversations: [c], done: reload }) : null,
      ),
    [strings, answeredAt, canWrite, openDialog, reload],
  );
  const searchText = useMemo(
    () => (c: StuckConversation) => [c.customer, c.ourAddress, c.sid, channelOf(c, strings)],
    [strings],
  );
  const selection = useMemo<TableSelection<StuckConversation> | undefined>(
    () =>
      canWrite
        ? {
            isSelectable: () => true,
            rowLabel: (c) => fill(strings.MessagingSetupStuckSelectRow, { customer: c.customer ?? c.sid }),
            allLabel: (count) => fill(strings.MessagingSetupStuckSelectAll, { count }),
            action: (chosen, done) => (
              <Button
                variant="destructive"
                size="small"
                disabled={chosen.length === 0}
                onClick={() => {
                  openDialog({ kind: 'close-conversations', conversations: chosen, done: reload });
                  done();
                }}
              >
                {fill(strings.MessagingSetupStuckCloseSelected, { count: chosen.length })}
              </Button>
            ),
          }
        : undefined,
    [canWrite, strings, openDialog, reload],
  );

  return (
    <>
      <Paragraph>{strings.MessagingSetupStuckIntro}</Paragraph>
      <Box display="flex" alignItems="center" columnGap="space40" marginBottom="space50" flexWrap="wrap">
        <Button variant="secondary" size="small" onClick={reload} loading={loading}>
          {strings.MessagingSetupStuckReload}
        </Button>
        <Box aria-live="polite" data-testid="stuck-summary">
          {loading ? (
            <Text as="span">{strings.MessagingSetupStuckLoading}</Text>
          ) : (
            answer && (
              <Text as="span">
                {countText(answer.count, items.length, strings)}
                {answer.truncated && ` ${strings.MessagingSetupStuckTruncated}`}
              </Text>
            )
          )}
        </Box>
      </Box>
      {error && (
        <Box marginBottom="space50">
          <Alert variant="error">
            {fill(strings.MessagingSetupStuckLoadFailed, { error })}{' '}
            <Button variant="link" onClick={reload}>
              {strings.MessagingSetupTryAgain}
            </Button>
          </Alert>
        </Box>
      )}
      <DataTable
        items={items}
        keyOf={keyOf}
        columns={columns}
        searchText={searchText}
        searchPlaceholder={strings.MessagingSetupStuckSearchPlaceholder}
        emptyText={
          loading
            ? strings.MessagingSetupStuckLoading
            : answer
              ? strings.MessagingSetupStuckEmpty
              : strings.MessagingSetupStuckNotRead
        }
        selection={selection}
        rowTestId="stuck-row"
      />
    </>
  );
}
