import React from 'react';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Callout, CalloutText } from '@twilio-paste/core/callout';
import { Text } from '@twilio-paste/core/text';

import type { AddressType, FlexConfigurationSummary } from '../../../../contract/types';
import type { DiagnosisLevel } from '../../diagnostics/diagnose';
import { fill, useStrings, type MessagingSetupStringKey } from '../../strings';
import { LEVEL_LABEL_KEY, VARIANT as LEVEL_VARIANT } from '../shared/DiagnosisBadge';
import { useOpenDialog } from '../dialogs/dialogOwner';

const LEVELS: readonly DiagnosisLevel[] = ['broken', 'unknown', 'warning', 'ready', 'inactive', 'set-aside'];

/** Whether a channel's counts can be told yet: its rows' lists loading, loaded, or failed (unknown). */
export type HealthCheck = 'loading' | 'done' | 'failed';

/** One channel's counts: its rows per diagnosis level, and how to show them. */
export interface HealthChannel {
  type: AddressType;
  /** "Phone numbers by diagnosis:", "WhatsApp senders:"… */
  heading: string;
  /** A count button's accessible name, filled with `count` and `level`. */
  countLabel: string;
  counts: Record<DiagnosisLevel, number>;
  /** Always shown (phone numbers); the others only when the channel has rows, or could not be counted. */
  always?: boolean;
  /** A channel whose rows did not load is "could not be checked", never 0 of each. */
  check?: HealthCheck;
}

interface HealthBannerProps {
  flexConfiguration: FlexConfigurationSummary | null;
  /** The Flex configuration did not load: the default service could not be checked (not "Checking…"). */
  flexConfigurationFailed?: boolean;
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
 * The account's health at the top of the view, in one compact line that wraps only when it must
 * (the table below is what a supervisor came for): whether Flex's service is the default, and
 * every channel's numbers, senders, pages, chat or email addresses per diagnosis, each count a
 * button that opens those rows. What could not be checked says so; a count of 0 is not shown.
 * Only a default service that is not Flex's stands out as a callout: it breaks every channel.
 */
// Memoised: the view renders again on every tab switch, and the banner's buttons need not (their
// props change only with the data).
export const HealthBanner = React.memo(function HealthBanner({
  flexConfiguration,
  flexConfigurationFailed = false,
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
  const known = Boolean(flexConfiguration && flexSid);
  const healthy = known && currentSid === flexSid;

  return (
    // Focusable by script only: after the fix, its Fix button is gone and focus comes here.
    <Box
      as="section"
      aria-label={strings.MessagingSetupHealthLabel}
      marginBottom="space40"
      data-testid="health-banner"
      data-focus-return
      // Set once the stuck conversations' count has been read (the browser tests wait for it).
      data-stuck-read={stuck ? 'done' : undefined}
      tabIndex={-1}
    >
      {known && !healthy && (
        <Box marginBottom="space30">
          <Callout variant="error">
            <CalloutText>
              {fill(strings.MessagingSetupUnhealthy, { current: nameOf(currentSid), flex: nameOf(flexSid) })}
              {canWrite && (
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
        </Box>
      )}
      {advice.map((key) => (
        <Box key={key} marginBottom="space30">
          <Callout variant="warning">
            <CalloutText>{strings[key]}</CalloutText>
          </Callout>
        </Box>
      ))}
      <Box display="flex" alignItems="center" flexWrap="wrap" columnGap="space60" rowGap="space20">
        {!known && (
          <Text as="span" fontSize="fontSize20" color="colorTextWeak">
            {flexConfigurationFailed
              ? strings.MessagingSetupHealthServiceNotChecked
              : strings.MessagingSetupHealthUnknown}
          </Text>
        )}
        {healthy && (
          <Text as="span" fontSize="fontSize20" color="colorTextWeak">
            <Text as="span" color="colorTextSuccess" fontWeight="fontWeightSemibold" aria-hidden="true">
              {'✓ '}
            </Text>
            {fill(strings.MessagingSetupHealthy, { flex: nameOf(flexSid) })}
          </Text>
        )}
        {channels.map((channel) => (
          <React.Fragment key={channel.type}>
            {' '}
            <ChannelCounts channel={channel} onShowLevel={onShowLevel} />
          </React.Fragment>
        ))}{' '}
        {stuck && stuck.count > 0 && onShowStuck && <StuckCount stuck={stuck} onShow={onShowStuck} />}
      </Box>
    </Box>
  );
});

/**
 * A group of the line: "Phone numbers by diagnosis: [2 Broken] [20 Ready]", or why there are no
 * counts. The spaces between its parts are for its text (what a screen reader or a test reads);
 * a flex row shows none of them, its gaps space it.
 */
function ChannelCounts({
  channel,
  onShowLevel,
}: {
  channel: HealthChannel;
  onShowLevel: (type: AddressType, level: DiagnosisLevel) => void;
}) {
  const strings = useStrings();
  const { counts, check = 'done' } = channel;
  const empty = total(counts) === 0;
  // A channel with nothing to count is left out, unless it is always shown or could not be counted.
  if (empty && check !== 'failed' && !channel.always) return null;
  const unknown =
    check === 'failed'
      ? strings.MessagingSetupHealthNotChecked
      : empty
        ? check === 'loading'
          ? strings.MessagingSetupHealthChecking
          : strings.MessagingSetupHealthNone
        : null;
  return (
    <Box as="span" display="inline-flex" alignItems="center" columnGap="space20" flexWrap="wrap">
      <Text as="span" fontSize="fontSize20">
        {channel.heading}
      </Text>{' '}
      {unknown !== null ? (
        <Text as="span" fontSize="fontSize20" color="colorTextWeak" data-health-check={check}>
          {unknown}
        </Text>
      ) : (
        LEVELS.filter((level) => counts[level] > 0).map((level) => {
          const label = strings[LEVEL_LABEL_KEY[level]];
          const count = counts[level];
          return (
            <React.Fragment key={level}>
              {' '}
              <Badge
                as="button"
                variant={LEVEL_VARIANT[level]}
                aria-label={fill(channel.countLabel, { count, level: label })}
                onClick={() => onShowLevel(channel.type, level)}
              >
                {fill(strings.MessagingSetupHealthCount, { count, level: label })}
              </Badge>
            </React.Fragment>
          );
        })
      )}
    </Box>
  );
}

/** "Customers held away from agents: [3 stuck conversations]", opening the Stuck conversations tab. */
function StuckCount({ stuck, onShow }: { stuck: { count: number; truncated: boolean }; onShow: () => void }) {
  const strings = useStrings();
  const { count, truncated } = stuck;
  const text = truncated
    ? fill(strings.MessagingSetupStuckBannerAtLeast, { count })
    : count === 1
      ? strings.MessagingSetupStuckBannerOne
      : fill(strings.MessagingSetupStuckBannerMany, { count });
  return (
    <Box as="span" display="inline-flex" alignItems="center" columnGap="space20">
      <Text as="span" fontSize="fontSize20">
        {strings.MessagingSetupStuckBannerHeading}
      </Text>{' '}
      <Badge
        as="button"
        variant="warning"
        aria-label={fill(strings.MessagingSetupStuckBannerLabel, { count: text })}
        onClick={onShow}
      >
        {text}
      </Badge>
    </Box>
  );
}
