import React from 'react';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { Heading } from '@twilio-paste/core/heading';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { Text } from '@twilio-paste/core/text';
import { useUID } from '@twilio-paste/core/uid-library';

import {
  TRACE_CONVERSATIONS_MAX,
  TRACE_MESSAGES_MAX,
  type TraceConversation,
  type TraceCustomerResponse,
  type TraceMessage,
} from '../../../../contract/types';
import { fill, useStrings, type MessagingSetupStrings } from '../../strings';
import { SidWithCopy } from '../table/SidWithCopy';
import { hasMessageLog, messageStatusText, stateText, taskText, verdictLabel, whenText } from './traceWords';

/** A step's heading, marked as what Twilio holds (observed), unlike the summary above it (inferred). */
function ObservedHeading({ id, children }: { id: string; children: React.ReactNode }) {
  const strings = useStrings();
  return (
    <Box display="flex" alignItems="center" columnGap="space30" marginBottom="space40">
      <Heading as="h3" variant="heading40" marginBottom="space0" id={id}>
        {children}
      </Heading>
      <Badge as="span" variant="neutral">
        {strings.MessagingSetupTraceObserved}
      </Badge>
    </Box>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box display="flex" columnGap="space30" alignItems="center" flexWrap="wrap">
      <Box as="dt" fontWeight="fontWeightSemibold" minWidth="size10">
        {label}
      </Box>
      <Box as="dd" margin="space0">
        {children}
      </Box>
    </Box>
  );
}

function TasksOf({ conversation, now }: { conversation: TraceConversation; now: number }) {
  const strings = useStrings();
  const { tasks, state, flexService } = conversation;
  if (tasks.length === 0) {
    // The backend looks up tasks only for an open conversation in Flex's service.
    const none =
      state === 'closed'
        ? strings.MessagingSetupTraceTasksNotReadClosed
        : !flexService
          ? strings.MessagingSetupTraceTasksNotReadOtherService
          : strings.MessagingSetupTraceNoTask;
    return <>{none}</>;
  }
  return (
    <Box as="ul" margin="space0" paddingLeft="space0" listStyleType="none">
      {tasks.map((task) => (
        <Box as="li" key={task.sid} display="flex" alignItems="center" columnGap="space30" flexWrap="wrap">
          <Text as="span" data-testid="trace-task-status">
            {taskText(task, strings, now)}
          </Text>
          <SidWithCopy
            sid={task.sid}
            address={task.sid}
            copyLabel={fill(strings.MessagingSetupTraceCopyTaskSid, { sid: task.sid })}
          />
        </Box>
      ))}
    </Box>
  );
}

function ConversationStep({ conversation, now }: { conversation: TraceConversation; now: number }) {
  const strings = useStrings();
  const verdict = verdictLabel(conversation.verdict, strings);
  const name = conversation.friendlyName
    ? fill(strings.MessagingSetupTraceConversationNamed, { name: conversation.friendlyName })
    : strings.MessagingSetupTraceConversationUnnamed;
  return (
    <Box
      as="li"
      data-testid="trace-conversation"
      borderStyle="solid"
      borderWidth="borderWidth10"
      borderColor="colorBorderWeak"
      borderRadius="borderRadius20"
      padding="space50"
      marginBottom="space40"
    >
      <Box display="flex" alignItems="center" columnGap="space30" flexWrap="wrap" marginBottom="space30">
        <Heading as="h4" variant="heading50" marginBottom="space0">
          {name}
        </Heading>
        <SidWithCopy
          sid={conversation.sid}
          address={conversation.sid}
          copyLabel={fill(strings.MessagingSetupTraceCopyConversationSid, { sid: conversation.sid })}
        />
        <Badge as="span" variant={verdict.tone} title={strings.MessagingSetupTraceInferred}>
          {verdict.text}
        </Badge>
      </Box>
      <Box as="dl" margin="space0" display="flex" flexDirection="column" rowGap="space20">
        <Fact label={strings.MessagingSetupTraceFieldState}>{stateText(conversation.state, strings)}</Fact>
        <Fact label={strings.MessagingSetupTraceFieldService}>
          <Box as="span" display="inline-flex" alignItems="center" columnGap="space30" flexWrap="wrap">
            {conversation.flexService
              ? strings.MessagingSetupTraceServiceFlex
              : strings.MessagingSetupTraceServiceOther}
            {conversation.serviceSid && (
              <SidWithCopy
                sid={conversation.serviceSid}
                address={conversation.serviceSid}
                copyLabel={fill(strings.MessagingSetupTraceCopyServiceSid, { sid: conversation.serviceSid })}
              />
            )}
          </Box>
        </Fact>
        <Fact label={strings.MessagingSetupTraceFieldOurAddress}>
          {conversation.ourAddress ?? strings.MessagingSetupTraceNoOurAddress}
        </Fact>
        <Fact label={strings.MessagingSetupTraceFieldStarted}>{whenText(conversation.createdAt, strings, now)}</Fact>
        <Fact label={strings.MessagingSetupTraceFieldUpdated}>{whenText(conversation.updatedAt, strings, now)}</Fact>
        <Fact label={strings.MessagingSetupTraceFieldTasks}>
          <TasksOf conversation={conversation} now={now} />
        </Fact>
      </Box>
    </Box>
  );
}

const directionText = (message: TraceMessage, strings: MessagingSetupStrings) =>
  message.direction === 'inbound' ? strings.MessagingSetupTraceInbound : strings.MessagingSetupTraceOutbound;

function MessagesTable({ messages, now }: { messages: TraceMessage[]; now: number }) {
  const strings = useStrings();
  return (
    <Table scrollHorizontally>
      <THead>
        <Tr>
          <Th>{strings.MessagingSetupTraceColumnWhen}</Th>
          <Th>{strings.MessagingSetupTraceColumnDirection}</Th>
          <Th>{strings.MessagingSetupTraceColumnFromTo}</Th>
          <Th>{strings.MessagingSetupTraceColumnStatus}</Th>
          <Th>{strings.MessagingSetupTraceColumnSid}</Th>
        </Tr>
      </THead>
      <TBody>
        {messages.map((message) => (
          <Tr key={message.sid} data-testid="trace-message">
            <Td>{whenText(message.at, strings, now)}</Td>
            <Td>{directionText(message, strings)}</Td>
            <Td>
              <Text as="span" wordBreak="break-word">
                {fill(strings.MessagingSetupTraceFromTo, { from: message.from, to: message.to })}
              </Text>
            </Td>
            <Td>{messageStatusText(message.status, strings)}</Td>
            <Td>
              <SidWithCopy
                sid={message.sid}
                address={message.sid}
                copyLabel={fill(strings.MessagingSetupTraceCopyMessageSid, { sid: message.sid })}
              />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/**
 * The steps Twilio holds of the customer, newest first: their conversations (state, service, our
 * address, age, tasks), then the messages Twilio received or sent. All observed.
 */
export function TraceTimeline({ answer, now }: { answer: TraceCustomerResponse; now: number }) {
  const strings = useStrings();
  const { conversations, messages } = answer;
  const ids = { conversations: useUID(), messages: useUID() };
  return (
    <>
      <Box as="section" aria-labelledby={ids.conversations} marginBottom="space60">
        <ObservedHeading id={ids.conversations}>{strings.MessagingSetupTraceConversationsHeading}</ObservedHeading>
        {conversations.length === 0 ? (
          <Paragraph>{strings.MessagingSetupTraceNoConversations}</Paragraph>
        ) : (
          <Box as="ol" margin="space0" paddingLeft="space0" listStyleType="none">
            {conversations.map((conversation) => (
              <ConversationStep key={conversation.sid} conversation={conversation} now={now} />
            ))}
          </Box>
        )}
      </Box>
      <Box as="section" aria-labelledby={ids.messages} marginBottom="space60">
        <ObservedHeading id={ids.messages}>{strings.MessagingSetupTraceMessagesHeading}</ObservedHeading>
        {messages.length > 0 ? (
          <MessagesTable messages={messages} now={now} />
        ) : (
          <Paragraph>
            {hasMessageLog(answer.customer.kind)
              ? strings.MessagingSetupTraceNoMessages
              : strings.MessagingSetupTraceMessagesUnlogged}
          </Paragraph>
        )}
      </Box>
      {answer.truncated && (
        <Box data-testid="trace-truncated">
          <Paragraph>
            {fill(strings.MessagingSetupTraceTruncated, {
              conversations: TRACE_CONVERSATIONS_MAX,
              messages: TRACE_MESSAGES_MAX,
            })}
          </Paragraph>
        </Box>
      )}
    </>
  );
}
