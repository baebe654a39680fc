import { addressMismatches } from '../../../../src/contract/flexFlowMigration';
import type { ContractProblem } from '../../../../src/contract/messages';
import type { AddressInput, AddressSummary, HistoryState } from '../../../../src/contract/types';
import { addressSettingsParams, createAddressConfiguration, findAddressConfiguration } from '../../lib/addressParams';
import { summariseAddress } from '../../lib/summaries';
import type { TwilioClient } from '../../twilio/clientFactory';
import { addressResource } from '../resources';
import { cannotRevert, reversed, type RevertHandler } from './handler';

export const addressInputOf = (a: AddressSummary): AddressInput => ({
  type: a.type as AddressInput['type'],
  address: a.address,
  friendlyName: a.friendlyName ?? '',
  autoCreationEnabled: a.autoCreationEnabled,
  integration: a.integration,
  ...(a.conversationServiceSid ? { conversationServiceSid: a.conversationServiceSid } : {}),
});

/** The Twilio parameters that give an address the settings it had. */
export const settingsOf = (a: AddressSummary) => addressSettingsParams(addressInputOf(a));

/** The address a state holds (not a migration's before-state, which is about its Flex Flow). */
export const addressIn = (state: HistoryState | null): AddressSummary | undefined =>
  state !== null && 'address' in state && !('flexFlow' in state) ? state.address : undefined;

/** What differs between an address as an entry left it and as it is now. */
export async function addressChangesSince(client: TwilioClient, left: AddressSummary): Promise<ContractProblem[]> {
  const now = await findAddressConfiguration(client, left.sid);
  if (!now) return [{ key: 'MessagingSetupRefusalDiffAddressGone', values: { sid: left.sid } }];
  return addressMismatches(addressInputOf(left), now);
}

/**
 * The Studio flow or conversation service a difference names, by its friendly name with the SID
 * (`"Messaging Flow" (FW…)`), so a refused revert reads for a supervisor. Read only when a revert
 * is refused (one fetch per such difference); a name that cannot be read leaves the SID.
 */
async function withNames(client: TwilioClient, problems: ContractProblem[]): Promise<ContractProblem[]> {
  const nameOf = async (sid: string): Promise<string | null> => {
    try {
      const found = sid.startsWith('FW')
        ? await client.studio.v2.flows(sid).fetch()
        : await client.conversations.v1.services(sid).fetch();
      return found.friendlyName || null;
    } catch {
      return null;
    }
  };
  return Promise.all(
    problems.map(async (problem): Promise<ContractProblem> => {
      if (problem.key !== 'MessagingSetupRuleDiffStudioFlow' && problem.key !== 'MessagingSetupRuleDiffService') {
        return problem;
      }
      const sid = String(problem.values.value);
      const named = await nameOf(sid);
      return named ? { key: problem.key, values: { value: `"${named}" (${sid})` } } : problem;
    }),
  );
}

const leftAddressChangesSince: RevertHandler['changesSince'] = async (client, { after }) => {
  const left = addressIn(after);
  return left ? withNames(client, await addressChangesSince(client, left)) : [];
};

/** A create is reverted by deleting the address it made. */
export const createAddressRevert: RevertHandler = {
  changesSince: leftAddressChangesSince,
  async apply(client, { after }) {
    const made = addressIn(after);
    if (!made) throw cannotRevert();
    await client.conversations.v1.addressConfigurations(made.sid).remove();
    return null;
  },
  async landed(client, { after }) {
    const made = addressIn(after);
    if (!made) return undefined;
    const now = await findAddressConfiguration(client, made.sid);
    if (!now) return { after: null };
    if ((await addressChangesSince(client, made)).length === 0) return undefined;
    throw new Error('cannot tell');
  },
};

/** An update is reverted by giving the address the settings it had. */
export const updateAddressRevert: RevertHandler = {
  changesSince: leftAddressChangesSince,
  async apply(client, { before }) {
    const earlier = addressIn(before);
    if (!earlier) throw cannotRevert();
    const updated = await client.conversations.v1.addressConfigurations(earlier.sid).update(settingsOf(earlier));
    return { address: summariseAddress(updated) };
  },
  async landed(client, entry, _tracked, config) {
    const earlier = addressIn(entry.before);
    const now = earlier && (await findAddressConfiguration(client, earlier.sid));
    if (!earlier || !now) throw new Error('cannot tell');
    if ((await leftAddressChangesSince(client, reversed(entry), config)).length === 0)
      return { after: { address: now } };
    if ((await leftAddressChangesSince(client, entry, config)).length === 0) return undefined;
    throw new Error('cannot tell');
  },
};

/** A delete is reverted by making an equivalent address (a new SID); not when the address has one again. */
export const deleteAddressRevert: RevertHandler = {
  async changesSince(client, { before }) {
    const deleted = addressIn(before);
    if (!deleted) return [];
    const now = await findAddressConfiguration(client, deleted.address);
    return now
      ? [{ key: 'MessagingSetupRefusalDiffAddressAgain', values: { address: deleted.address, sid: now.sid } }]
      : [];
  },
  async apply(client, { before }, tracked) {
    const deleted = addressIn(before);
    if (!deleted) throw cannotRevert();
    const { address } = await createAddressConfiguration(client, addressInputOf(deleted));
    tracked.resource = addressResource(address);
    return { address };
  },
  async landed(client, { before }, tracked) {
    const deleted = addressIn(before);
    const now = deleted && (await findAddressConfiguration(client, deleted.address));
    if (!deleted || !now) return undefined;
    if (addressMismatches(addressInputOf(deleted), now).length > 0) throw new Error('cannot tell');
    tracked.resource = addressResource(now);
    return { after: { address: now } };
  },
};
