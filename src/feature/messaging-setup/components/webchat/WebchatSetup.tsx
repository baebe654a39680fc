import React from 'react';
import { Anchor } from '@twilio-paste/core/anchor';
import { Box } from '@twilio-paste/core/box';
import { Heading } from '@twilio-paste/core/heading';
import { Text } from '@twilio-paste/core/text';

import type { AddressSummary } from '../../../../contract/types';
import { fill, useStrings } from '../../strings';
import { CopyButton } from '../shared/CopyButton';
import { SidWithCopy } from '../table/SidWithCopy';

/** Twilio's Webchat 3 overview, which links its setup and security pages (docs/EVIDENCE.md, "Webchat 3"). */
export const WEBCHAT_DOCS_URL = 'https://www.twilio.com/docs/flex/developer/conversations/webchat';
/** "up to 10 trusted URLs as allowed origins" per deployment key (Webchat 3.x.x security). */
export const WEBCHAT_ALLOWED_ORIGINS_MAX = 10;

/**
 * What a website needs to use a chat address with Webchat 3: a deployment key made in Console,
 * connected to this address (shown with its SID, both copyable), its allowed origins, and the
 * embed code. Only the steps: Twilio has no API for deployment keys, so which key uses the
 * address is not known here, and the section says so. Renders nothing for an address of another
 * type, so a diagnosis dialog may hold it for every row.
 */
export function WebchatSetup({ address }: { address: Pick<AddressSummary, 'sid' | 'type' | 'address'> }) {
  const strings = useStrings();
  if (address.type !== 'chat') return null;
  const values = { address: address.address };

  return (
    <Box as="section" aria-label={strings.MessagingSetupWebchatSetup} marginTop="space60">
      <Heading as="h3" variant="heading50">
        {strings.MessagingSetupWebchatSetup}
      </Heading>
      <Text as="p" marginBottom="space30">
        {fill(strings.MessagingSetupWebchatSetupIntro, values)}
      </Text>
      <Box as="ol" marginTop="space0" marginBottom="space40" paddingLeft="space60">
        <Box as="li" marginBottom="space30">
          <Text as="span">{strings.MessagingSetupWebchatStepKey}</Text>
        </Box>
        <Box as="li" marginBottom="space30">
          <Text as="span">{strings.MessagingSetupWebchatStepConnect}</Text>
          <Box as="dl" display="grid" gridTemplateColumns="max-content 1fr" columnGap="space40" rowGap="space20">
            <Text as="dt" fontWeight="fontWeightSemibold">
              {strings.MessagingSetupWebchatAddressLabel}
            </Text>
            <Box as="dd" margin="space0" display="flex" alignItems="center" columnGap="space20">
              <Text as="code" fontFamily="fontFamilyCode" data-testid="webchat-address">
                {address.address}
              </Text>
              <CopyButton value={address.address} label={fill(strings.MessagingSetupWebchatCopyAddress, values)} />
            </Box>
            <Text as="dt" fontWeight="fontWeightSemibold">
              {strings.MessagingSetupWebchatSidLabel}
            </Text>
            <Box as="dd" margin="space0">
              <SidWithCopy
                sid={address.sid}
                address={address.address}
                copyLabel={fill(strings.MessagingSetupWebchatCopySid, values)}
              />
            </Box>
          </Box>
        </Box>
        <Box as="li" marginBottom="space30">
          <Text as="span">{fill(strings.MessagingSetupWebchatStepOrigins, { max: WEBCHAT_ALLOWED_ORIGINS_MAX })}</Text>
        </Box>
        <Box as="li">
          <Text as="span">{strings.MessagingSetupWebchatStepEmbed}</Text>
        </Box>
      </Box>
      <Text as="p" marginBottom="space30">
        {strings.MessagingSetupWebchatRouting} {strings.MessagingSetupWebchatReplaceKey}
      </Text>
      <Text as="p" marginBottom="space30" color="colorTextWeak">
        {strings.MessagingSetupWebchatCannotRead}
      </Text>
      <Anchor href={WEBCHAT_DOCS_URL} showExternal>
        {strings.MessagingSetupWebchatDocs}
      </Anchor>
    </Box>
  );
}
