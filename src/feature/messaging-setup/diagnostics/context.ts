import { flexFlowAddress } from '../../../contract/flexFlowMigration';
import type { AddressSummary, StudioFlowSummary } from '../../../contract/types';
import { isLoaded, type SetupData } from '../state/setupData';
import type { DiagnosisContext, DiagnosisSource, FlexFlowRef } from './diagnose';

const DIAGNOSIS_SOURCES: readonly DiagnosisSource[] = [
  'studioFlows',
  'flexConfiguration',
  'messagingServiceNumbers',
  'flexFlows',
  'addresses',
];

/** What a diagnosis context is built from (so callers can memoise on just these). */
type DiagnosisSources = Pick<
  SetupData,
  'messagingServiceNumbers' | 'flexFlows' | 'flexConfiguration' | 'sources' | 'setAsides'
>;

/**
 * The diagnosis context from what the view has loaded (built once per render, not per row). While a
 * source loads or after it failed, its `complete` flag is false and the diagnosis says nothing about it.
 */
export function diagnosisContextOf(
  data: DiagnosisSources,
  addressesByAddress: ReadonlyMap<string, AddressSummary>,
  studioFlowsBySid: ReadonlyMap<string, StudioFlowSummary>,
): DiagnosisContext {
  const messagingServiceByNumberSid = new Map<string, string>();
  for (const service of data.messagingServiceNumbers) {
    for (const numberSid of service.phoneNumberSids) {
      if (!messagingServiceByNumberSid.has(numberSid)) messagingServiceByNumberSid.set(numberSid, service.friendlyName);
    }
  }
  const flexFlowsByIdentity = new Map<string, FlexFlowRef>();
  for (const flow of data.flexFlows) {
    // Keyed as an address holds it (a Facebook flow may store its page ID without `messenger:`).
    const identity = flow.contactIdentity ? flexFlowAddress(flow) : null;
    if (!identity) continue;
    const held = flexFlowsByIdentity.get(identity);
    // An enabled flow is the one that matters when several hold the same identity.
    if (!held || (!held.enabled && flow.enabled)) {
      flexFlowsByIdentity.set(identity, {
        sid: flow.sid,
        friendlyName: flow.friendlyName,
        contactIdentity: flow.contactIdentity,
        enabled: flow.enabled,
      });
    }
  }
  return {
    addressesByAddress,
    studioFlowsBySid,
    flexServiceSid: data.flexConfiguration?.flexConversationServiceSid ?? null,
    defaultServiceSid: data.flexConfiguration?.defaultConversationServiceSid ?? null,
    messagingServiceByNumberSid,
    flexFlowsByIdentity,
    complete: {
      studioFlows: isLoaded(data, 'studioFlows'),
      flexConfiguration: isLoaded(data, 'flexConfiguration') && data.flexConfiguration !== null,
      messagingServiceNumbers: isLoaded(data, 'messagingServiceNumbers'),
      flexFlows: isLoaded(data, 'flexFlows'),
      addresses: isLoaded(data, 'addresses'),
    },
    failed: new Set(DIAGNOSIS_SOURCES.filter((source) => data.sources[source].error !== null)),
    setAsides: data.setAsides,
  };
}
