import { flexFlowAddress } from '../../../contract/flexFlowMigration';
import type { AddressSummary, FlexFlowSummary } from '../../../contract/types';

/** A Facebook Page the account is known to have connected: by its Messenger address or a legacy Flex Flow. */
export interface FacebookPage {
  /** `messenger:<page ID>`, what its address holds. */
  address: string;
  /** The address's friendly name; '' when only a Flex Flow names the page. */
  name: string;
  /** The legacy Flex Flow that still names it, if any. */
  flexFlowName: string | null;
}

/**
 * The Facebook Pages the view can know of. Twilio has no public REST list of the pages connected
 * to an account (the Console's Channels › Facebook Messenger page), so a page is known by what
 * names it: a Messenger address (`messenger:<page ID>`) or a legacy `facebook` Flex Flow whose
 * contact identity is the page. One row per page, in the order first seen: addresses, then flows.
 */
export function facebookPagesOf(
  addresses: Iterable<AddressSummary>,
  flexFlows: readonly FlexFlowSummary[],
): FacebookPage[] {
  const pages = new Map<string, FacebookPage>();
  for (const a of addresses) {
    if (a.type === 'messenger')
      pages.set(a.address, { address: a.address, name: a.friendlyName ?? '', flexFlowName: null });
  }
  for (const flow of flexFlows) {
    if (flow.channelType !== 'facebook') continue;
    const address = flexFlowAddress(flow);
    if (!address) continue;
    const page = pages.get(address);
    // The flow's name is not the page's: the row says which flow names it instead.
    if (!page) pages.set(address, { address, name: '', flexFlowName: flow.friendlyName });
    else page.flexFlowName ??= flow.friendlyName;
  }
  return [...pages.values()];
}
