import { addressMismatches, planFlexFlowMigration } from '../../../src/contract/flexFlowMigration';
import {
  asClause,
  detailOf,
  listOf,
  messageOf,
  type ContractProblem,
  type ProblemList,
} from '../../../src/contract/messages';
import type {
  AddressInput,
  AddressSummary,
  FlexFlowSummary,
  MigrateFlexFlowRequest,
  MigrateFlexFlowResponse,
  MigrationStep,
  MigrationStepName,
} from '../../../src/contract/types';
import twilio from 'twilio';

import { BackendError, toBackendError } from '../http/backendError';
import type { TwilioClient } from '../twilio/clientFactory';
import { addressSettingsParams, createAddressConfiguration, findAddressConfiguration } from './addressParams';
import { assertReferencesExist } from './referencedResources';
import { summariseAddress, summariseFlexFlow } from './summaries';
import { cannotTell, lookAfterUnknownOutcome, outcomeUnknown } from './writeOutcome';
import { retryIdempotentWrite } from './retryIdempotentWrite';

/** Why a Twilio call failed, as part of a sentence (its message without the final full stop). */
const reason = (error: unknown): ContractProblem => asClause(toBackendError(error).problem);

/** How an address differs from the plan, listed with commas. */
const differencesOf = (planned: AddressInput, actual: AddressSummary): ProblemList =>
  listOf(addressMismatches(planned, actual), ', ');

class StepLog {
  readonly steps: MigrationStep[] = [];
  done(step: MigrationStepName, detail: ContractProblem) {
    this.steps.push({ step, status: 'done', ...detailOf(detail) });
  }
  failed(step: MigrationStepName, detail: ContractProblem) {
    this.steps.push({ step, status: 'failed', ...detailOf(detail) });
  }
}

/** A migration's answer, and its outcome's message as a problem (what its history entry records). */
export interface Migration {
  answer: MigrateFlexFlowResponse;
  said: ContractProblem;
}

type Result = (o: MigrateFlexFlowResponse['outcome'], m: ContractProblem, a: AddressSummary | null) => Migration;

/**
 * How the address came to be in place, which decides the undo: one this run made is deleted
 * again; one this run changed gets its settings back; one that already had the flow's settings
 * (an earlier, interrupted run; a parallel run) is left as it is.
 */
type Placed =
  | { how: 'created'; address: AddressSummary }
  | { how: 'updated'; address: AddressSummary; before: AddressSummary }
  | { how: 'already_there'; address: AddressSummary };

const flowGone = (sid: string) =>
  new BackendError(404, 'not_found', { key: 'MessagingSetupMigrationFlowGone', values: { sid } });

/**
 * Moves one Flex Flow to a Conversations Address: put the address in place (create it, or — when
 * the number already has one and the supervisor confirmed it in the preview — bring that one to
 * the flow's settings), read it back and check it is what was planned, then delete the Flex Flow.
 * The address comes first so the number is never without a route; if a later step fails, this
 * run's change to the address is undone and the flow stays. A run that ended half-way can be run
 * again: an address that already has the flow's settings is used as it is. The answer lists
 * every step and, when something could not be undone, exactly what is left.
 */
export async function migrateFlexFlow(
  client: TwilioClient,
  { sid, updateExistingAddressSid }: MigrateFlexFlowRequest,
  /** Told what the migration found, for its history entry: the flow, and an address it updated as it was. */
  seen: { flow?: FlexFlowSummary; replacedAddress?: AddressSummary } = {},
): Promise<Migration> {
  const [flowResource, flexConfiguration] = await Promise.all([
    client.flexApi.v1
      .flexFlow(sid)
      .fetch()
      .catch((error: unknown) => {
        throw error instanceof twilio.RestException && error.status === 404 ? flowGone(sid) : error;
      }),
    client.flexApi.v1.configuration().fetch(),
  ]);
  const flow = summariseFlexFlow(flowResource);
  seen.flow = flow;
  const plan = planFlexFlowMigration(flow, flexConfiguration.flexServiceInstanceSid || null);
  if (!plan.migratable) throw new BackendError(409, 'not_migratable', plan.problem);
  const planned = plan.address;
  // The Flex Flow may name a Studio flow deleted since: refused before anything changes.
  await assertReferencesExist(client, planned);
  const log = new StepLog();
  const result: Result = (outcome, said, address) => ({
    answer: { outcome, ...messageOf(said), flexFlowSid: sid, address, steps: log.steps },
    said,
  });

  const placed = await placeAddress(client, planned, updateExistingAddressSid, log);
  if ('how' in placed && placed.how === 'updated') seen.replacedAddress = placed.before;
  if ('refused' in placed) {
    return result(
      'unchanged',
      { key: 'MessagingSetupMigrationNotCreated', values: { address: planned.address, why: placed.refused } },
      null,
    );
  }

  const failure = await verifyThenDeleteFlow(client, sid, placed.address, planned, log);
  if (failure === undefined) {
    return result(
      'migrated',
      {
        key: 'MessagingSetupMigrationMigrated',
        values: { address: planned.address, sid: placed.address.sid, flowSid: sid },
      },
      placed.address,
    );
  }
  if (failure.flowMayBeGone) {
    return result(
      'needs_attention',
      {
        key: 'MessagingSetupMigrationStoppedFlowMayBeGone',
        values: { failure: failure.detail, sid: placed.address.sid, address: planned.address },
      },
      placed.address,
    );
  }
  return undo(client, placed, failure.detail, log, result);
}

/** Puts the planned address in place, or says why not (`refused`: nothing was changed). */
async function placeAddress(
  client: TwilioClient,
  planned: AddressInput,
  updateExistingAddressSid: string | undefined,
  log: StepLog,
): Promise<Placed | { refused: ContractProblem }> {
  const existing = await findAddressConfiguration(client, planned.address);
  const { address: identity } = planned;
  if (existing) {
    const differences = differencesOf(planned, existing);
    const sid = existing.sid;
    if (differences.list.length === 0) {
      log.done('create_address', {
        key: 'MessagingSetupMigrationStepAlreadyThere',
        values: { sid, address: identity },
      });
      return { how: 'already_there', address: existing };
    }
    if (updateExistingAddressSid !== existing.sid) {
      log.failed('create_address', { key: 'MessagingSetupMigrationStepTaken', values: { address: identity, sid } });
      return {
        refused: {
          key: 'MessagingSetupMigrationBecauseOtherSettings',
          values: { address: identity, sid, differences },
        },
      };
    }
    const updated = await updateAddress(client, existing.sid, planned);
    log.done('update_address', { key: 'MessagingSetupMigrationStepUpdated', values: { sid, differences } });
    return { how: 'updated', address: updated, before: existing };
  }
  if (updateExistingAddressSid) {
    // The preview showed an address that is gone now: what was confirmed no longer applies.
    const sid = updateExistingAddressSid;
    log.failed('create_address', { key: 'MessagingSetupMigrationStepPreviewGone', values: { sid } });
    return { refused: { key: 'MessagingSetupMigrationBecausePreviewGone', values: { sid } } };
  }
  try {
    const { address, alreadyExisted } = await createAddressConfiguration(client, planned);
    const values = { sid: address.sid, address: identity };
    log.done(
      'create_address',
      alreadyExisted
        ? { key: 'MessagingSetupMigrationStepMadeMeanwhile', values }
        : { key: 'MessagingSetupMigrationStepCreated', values },
    );
    return alreadyExisted ? { how: 'already_there', address } : { how: 'created', address };
  } catch (error) {
    // createAddressConfiguration answers 502/504 itself when it cannot tell whether the address
    // was made; that is not "nothing changed", so it is the answer as it is.
    if (error instanceof BackendError && (error.status === 502 || error.status === 504)) throw error;
    log.failed('create_address', {
      key: 'MessagingSetupMigrationStepCreateFailed',
      values: { address: identity, reason: reason(error) },
    });
    return { refused: { key: 'MessagingSetupMigrationBecause', values: { reason: reason(error) } } };
  }
}

/** Updates an address to `settings`; a lost answer is settled by reading the address back. */
async function updateAddress(
  client: TwilioClient,
  addressSid: string,
  settings: AddressInput,
): Promise<AddressSummary> {
  try {
    return summariseAddress(
      await client.conversations.v1.addressConfigurations(addressSid).update(addressSettingsParams(settings)),
    );
  } catch (error) {
    if (!outcomeUnknown(error)) throw error;
    const howToCheck: ContractProblem = { key: 'MessagingSetupRefusalCheckMigration' };
    const what: ContractProblem = { key: 'MessagingSetupRefusalWhatAddressChange', values: { sid: addressSid } };
    const found = await lookAfterUnknownOutcome(what, howToCheck, () => findAddressConfiguration(client, addressSid));
    if (found && addressMismatches(settings, found).length === 0) return found;
    if (found) throw error;
    throw cannotTell(what, howToCheck, error);
  }
}

interface Failure {
  /** What failed, as part of a sentence. */
  detail: ContractProblem;
  /** The Flex Flow's delete got no answer and a look could not tell whether it is gone. */
  flowMayBeGone: boolean;
}

/** Returns what failed, or undefined when the address checks out and the flow is gone. */
async function verifyThenDeleteFlow(
  client: TwilioClient,
  flowSid: string,
  placed: AddressSummary,
  planned: AddressInput,
  log: StepLog,
): Promise<Failure | undefined> {
  try {
    const actual = summariseAddress(await client.conversations.v1.addressConfigurations(placed.sid).fetch());
    const differences = differencesOf(planned, actual);
    if (differences.list.length > 0) {
      const detail: ContractProblem = { key: 'MessagingSetupMigrationStepNotAsPlanned', values: { differences } };
      log.failed('verify_address', detail);
      return { detail: asClause(detail), flowMayBeGone: false };
    }
    log.done('verify_address', { key: 'MessagingSetupMigrationStepVerified', values: { sid: placed.sid } });
  } catch (error) {
    log.failed('verify_address', {
      key: 'MessagingSetupMigrationStepReadBackFailed',
      values: { reason: reason(error) },
    });
    return {
      detail: { key: 'MessagingSetupMigrationFailureReadBack', values: { reason: reason(error) } },
      flowMayBeGone: false,
    };
  }

  const sid = flowSid;
  try {
    await client.flexApi.v1.flexFlow(flowSid).remove();
    log.done('delete_flex_flow', { key: 'MessagingSetupMigrationStepFlowDeleted', values: { sid } });
    return undefined;
  } catch (error) {
    // A lost answer may hide a delete that happened (or a parallel run's): undoing the address
    // then would leave the number with no route at all, so look before undoing.
    const gone = await flowIsGone(client, flowSid);
    if (gone === true) {
      log.done('delete_flex_flow', { key: 'MessagingSetupMigrationStepFlowDeletedChecked', values: { sid } });
      return undefined;
    }
    log.failed('delete_flex_flow', {
      key: 'MessagingSetupMigrationStepDeleteFailed',
      values: { sid, reason: reason(error) },
    });
    if (gone === 'unknown') {
      return {
        detail: { key: 'MessagingSetupMigrationFailureDeleteUnconfirmed', values: { sid } },
        flowMayBeGone: true,
      };
    }
    return {
      detail: { key: 'MessagingSetupMigrationFailureDelete', values: { reason: reason(error) } },
      flowMayBeGone: false,
    };
  }
}

async function flowIsGone(client: TwilioClient, flowSid: string): Promise<boolean | 'unknown'> {
  try {
    await client.flexApi.v1.flexFlow(flowSid).fetch();
    return false;
  } catch (error) {
    return error instanceof twilio.RestException && error.status === 404 ? true : 'unknown';
  }
}

/**
 * Takes back this run's change to the address: sent again while its outcome is unknown (an undo
 * that already happened counts); a 429 is the Twilio client's to retry, not this step's.
 */
async function undo(
  client: TwilioClient,
  placed: Placed,
  failure: ContractProblem,
  log: StepLog,
  result: Result,
): Promise<Migration> {
  const { address } = placed;
  const { sid } = address;
  if (placed.how === 'already_there') {
    return result(
      'unchanged',
      { key: 'MessagingSetupMigrationUnchangedAlreadyThere', values: { failure, sid, address: address.address } },
      null,
    );
  }
  const step: MigrationStepName = placed.how === 'created' ? 'undo_create_address' : 'undo_update_address';
  try {
    if (placed.how === 'created') {
      await retryIdempotentWrite(() => client.conversations.v1.addressConfigurations(address.sid).remove(), {
        doneIfNotFound: true,
      });
      log.done(step, { key: 'MessagingSetupMigrationStepUndoneCreate', values: { sid } });
    } else {
      const before = placed.before;
      await retryIdempotentWrite(() =>
        client.conversations.v1.addressConfigurations(address.sid).update(
          addressSettingsParams({
            friendlyName: before.friendlyName ?? '',
            autoCreationEnabled: before.autoCreationEnabled,
            integration: before.integration,
            ...(before.conversationServiceSid ? { conversationServiceSid: before.conversationServiceSid } : {}),
          }),
        ),
      );
      log.done(step, { key: 'MessagingSetupMigrationStepUndoneUpdate', values: { sid } });
    }
    return result(
      'unchanged',
      placed.how === 'created'
        ? { key: 'MessagingSetupMigrationUndoneCreated', values: { failure } }
        : { key: 'MessagingSetupMigrationUndoneUpdated', values: { failure, sid } },
      null,
    );
  } catch (error) {
    log.failed(step, { key: 'MessagingSetupMigrationStepUndoFailed', values: { sid, reason: reason(error) } });
    const values = { failure, sid, reason: reason(error), address: address.address };
    return result(
      'needs_attention',
      placed.how === 'created'
        ? { key: 'MessagingSetupMigrationUndoFailedCreated', values }
        : { key: 'MessagingSetupMigrationUndoFailedUpdated', values },
      address,
    );
  }
}
