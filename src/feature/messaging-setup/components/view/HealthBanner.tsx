import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Callout, CalloutText } from '@twilio-paste/core/callout';
import { Text } from '@twilio-paste/core/text';

import type { AddressType, FlexConfigurationSummary } from '../../../../contract/types';
import type { DiagnosisLevel } from '../../diagnostics/diagnose';
import { fill, useStrings, type MessagingSetupStringKey } from '../../strings';
import { LEVEL_LABEL_KEY } from '../shared/DiagnosisBadge';
import { useOpenDialog } from '../dialogs/dialogOwner';

const LEVELS: readonly DiagnosisLevel[] = ['broken', 'unknown', 'warning', 'ready', 'inactive', 'set-aside'];
/** Shown only when some row has them: most accounts have none of these, and the line stays short. */
const SHOWN_WHEN_ANY: ReadonlySet<DiagnosisLevel> = new Set<DiagnosisLevel>(['unknown', 'inactive', 'set-aside']);

/** One channel's line of counts: its rows per diagnosis level, and how to show them. */
export interface HealthChannel {
  type: AddressType;
  /** "Phone numbers by diagnosis:", "WhatsApp senders:"… */
  heading: string;
  /** A count button's accessible name, filled with `count` and `level`. */
  countLabel: string;
  counts: Record<DiagnosisLevel, number>;
  /** Always shown (phone numbers); the others only when the channel has rows. */
  always?: boolean;
}

interface HealthBannerProps {
  flexConfiguration: FlexConfigurationSummary | null;
  /** Every channel Flex routes, per diagnosis level. */
  channels: readonly HealthChannel[];
  canWrite: boolean;
  onShowLevel: (type: AddressType, level: DiagnosisLevel) => void;
  /** True once addresses and Flex Flows have loaded when a web Flex Flow exists but no chat address does. */
  advice?: readonly MessagingSetupStringKey[];
  /** The stuck conversations' count once read (null before, or when it could not be read). */
  stuck?: { count: number; truncated: boolean } | null;
  onShowStuck?: () => void;
}

const NO_ADVICE: readonly MessagingSetupStringKey[] = [];

const total = (counts: Record<DiagnosisLevel, number>) => LEVELS.reduce((sum, level) => sum + counts[level], 0);

/**
 * The account's health at the top of the view: Flex's service as the default, and every channel's
 * numbers, senders, pages, chat or email addresses per diagnosis.
 */
// Memoised: the view renders again on every tab switch, and the banner's dozen Paste buttons need
// not (their props change only with the data).
export const HealthBanner = React.memo(function HealthBanner({
  flexConfiguration,
  channels,
  canWrite,
  onShowLevel,
  advice = NO_ADVICE,
  stuck = null,
  onShowStuck,
}: HealthBannerProps) {
  const strings = useStrings();
  const openDialog = useOpenDialog();
  const flexSid = flexConfiguration?.flexConversationServiceSid ?? null;
  const currentSid = flexConfiguration?.defaultConversationServiceSid ?? null;
  const nameOf = (sid: string | null) =>
    sid
      ? (flexConfiguration?.conversationServices.find((s) => s.sid === sid)?.friendlyName ?? sid)
      : strings.MessagingSetupNoDefaultService;
  const healthy = Boolean(flexSid && currentSid === flexSid);

  return (
    // Focusable by script only: after the fix, its Fix button is gone and focus comes here.
    <Box
      as="section"
      aria-label={strings.MessagingSetupHealthLabel}
      marginBottom="space60"
      data-testid="health-banner"
      data-focus-return
      // Set once the stuck conversations' count has been read (the browser tests wait for it).
      data-stuck-read={stuck ? 'done' : undefined}
      tabIndex={-1}
    >
      {flexConfiguration && flexSid ? (
        <Callout variant={healthy ? 'success' : 'error'}>
          <CalloutText>
            {healthy
              ? fill(strings.MessagingSetupHealthy, { flex: nameOf(flexSid) })
              : fill(strings.MessagingSetupUnhealthy, { current: nameOf(currentSid), flex: nameOf(flexSid) })}
            {!healthy && canWrite && (
              <>
                {' '}
                <Button
                  variant="primary"
                  size="small"
                  onClick={() => flexSid && openDialog({ kind: 'fix-default-service', flexServiceSid: flexSid })}
                >
                  {strings.MessagingSetupFix}
                </Button>
              </>
            )}
          </CalloutText>
        </Callout>
      ) : (
        <Text as="p" color="colorTextWeak">
          {strings.MessagingSetupHealthUnknown}
        </Text>
      )}
      {advice.map((key) => (
        <Box key={key} marginTop="space40">
          <Callout variant="warning">
            <CalloutText>{strings[key]}</CalloutText>
          </Callout>
        </Box>
      ))}
      {channels
        .filter((channel) => channel.always || total(channel.counts) > 0)
        .map((channel) => (
          <Box
            key={channel.type}
            display="flex"
            alignItems="center"
            columnGap="space30"
            marginTop="space40"
            flexWrap="wrap"
          >
            <Text as="span">{channel.heading}</Text>
            {LEVELS.filter((level) => !SHOWN_WHEN_ANY.has(level) || channel.counts[level] > 0).map((level) => {
              const label = strings[LEVEL_LABEL_KEY[level]];
              const count = channel.counts[level];
              return (
                <Button
                  key={level}
                  variant="secondary"
                  size="small"
                  aria-label={fill(channel.countLabel, { count, level: label })}
                  onClick={() => onShowLevel(channel.type, level)}
                >
                  {fill(strings.MessagingSetupHealthCount, { count, level: label })}
                </Button>
              );
            })}
          </Box>
        ))}
      {stuck && stuck.count > 0 && onShowStuck && <StuckLine stuck={stuck} onShow={onShowStuck} />}
    </Box>
  );
});

/** "Customers held away from agents: [3 stuck conversations]", opening the Stuck conversations tab. */
function StuckLine({ stuck, onShow }: { stuck: { count: number; truncated: boolean }; onShow: () => void }) {
  const strings = useStrings();
  const { count, truncated } = stuck;
  const text = truncated
    ? fill(strings.MessagingSetupStuckBannerAtLeast, { count })
    : count === 1
      ? strings.MessagingSetupStuckBannerOne
      : fill(strings.MessagingSetupStuckBannerMany, { count });
  return (
    <Box display="flex" alignItems="center" columnGap="space30" marginTop="space40" flexWrap="wrap">
      <Text as="span">{strings.MessagingSetupStuckBannerHeading}</Text>
      <Button
        variant="secondary"
        size="small"
        aria-label={fill(strings.MessagingSetupStuckBannerLabel, { count: text })}
        onClick={onShow}
      >
        {text}
      </Button>
    </Box>
  );
}
