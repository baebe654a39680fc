import { addressMismatches, planFlexFlowMigration } from '../../../src/contract/flexFlowMigration';
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

const reason = (error: unknown) => toBackendError(error).message.replace(/\.$/, '');

class StepLog {
  readonly steps: MigrationStep[] = [];
  done(step: MigrationStepName, detail: string) {
    this.steps.push({ step, status: 'done', detail });
  }
  failed(step: MigrationStepName, detail: string) {
    this.steps.push({ step, status: 'failed', detail });
  }
}

type Result = (o: MigrateFlexFlowResponse['outcome'], m: string, a: AddressSummary | null) => MigrateFlexFlowResponse;

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
  new BackendError(
    404,
    'not_found',
    `The Flex Flow ${sid} no longer exists: it was migrated or deleted already. Reload the view to see how its number routes now.`,
  );

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
): Promise<MigrateFlexFlowResponse> {
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
  if (!plan.migratable) throw new BackendError(409, 'not_migratable', plan.message);
  const planned = plan.address;
  // The Flex Flow may name a Studio flow deleted since: refused before anything changes.
  await assertReferencesExist(client, planned);
  const log = new StepLog();
  const result: Result = (outcome, message, address) => ({
    outcome,
    message,
    flexFlowSid: sid,
    address,
    steps: log.steps,
  });

  const placed = await placeAddress(client, planned, updateExistingAddressSid, log);
  if ('how' in placed && placed.how === 'updated') seen.replacedAddress = placed.before;
  if ('refused' in placed) {
    return result(
      'unchanged',
      `Nothing changed: the address for ${planned.address} could not be created ${placed.refused}. The Flex Flow is untouched.`,
      null,
    );
  }

  const failure = await verifyThenDeleteFlow(client, sid, placed.address, planned, log);
  if (failure === undefined) {
    return result(
      'migrated',
      `${planned.address} now reaches Flex through address ${placed.address.sid}; the Flex Flow ${sid} is deleted.`,
      placed.address,
    );
  }
  if (failure.flowMayBeGone) {
    return result(
      'needs_attention',
      `Migration stopped: ${failure.detail}. Address ${placed.address.sid} is in place for ${planned.address}. ` +
        `Reload the view: if the Flex Flow is still listed, run its migration again.`,
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
): Promise<Placed | { refused: string }> {
  const existing = await findAddressConfiguration(client, planned.address);
  if (existing) {
    const differences = addressMismatches(planned, existing);
    if (differences.length === 0) {
      log.done(
        'create_address',
        `Address ${existing.sid} for ${planned.address} already has the Flex Flow's settings.`,
      );
      return { how: 'already_there', address: existing };
    }
    if (updateExistingAddressSid !== existing.sid) {
      const detail =
        `because ${planned.address} already has address ${existing.sid} with other settings (${differences.join(', ')}). ` +
        `To migrate, confirm in the preview that this address takes the Flex Flow's settings, or edit or delete it yourself`;
      log.failed('create_address', `Not created: ${planned.address} already has address ${existing.sid}.`);
      return { refused: detail };
    }
    const updated = await updateAddress(client, existing.sid, planned);
    log.done(
      'update_address',
      `Brought address ${existing.sid} to the Flex Flow's settings (it had ${differences.join(', ')}).`,
    );
    return { how: 'updated', address: updated, before: existing };
  }
  if (updateExistingAddressSid) {
    // The preview showed an address that is gone now: what was confirmed no longer applies.
    log.failed('create_address', `Address ${updateExistingAddressSid} no longer exists.`);
    return {
      refused: `because address ${updateExistingAddressSid}, shown in the preview, no longer exists: reload the view and review the migration again`,
    };
  }
  try {
    const { address, alreadyExisted } = await createAddressConfiguration(client, planned);
    log.done(
      'create_address',
      alreadyExisted
        ? `Address ${address.sid} for ${planned.address} was made meanwhile, with the Flex Flow's settings.`
        : `Created address ${address.sid} for ${planned.address}.`,
    );
    return alreadyExisted ? { how: 'already_there', address } : { how: 'created', address };
  } catch (error) {
    // createAddressConfiguration answers 502/504 itself when it cannot tell whether the address
    // was made; that is not "nothing changed", so it is the answer as it is.
    if (error instanceof BackendError && (error.status === 502 || error.status === 504)) throw error;
    log.failed('create_address', `Could not create the address for ${planned.address}: ${reason(error)}.`);
    return { refused: `(${reason(error)})` };
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
    const howToCheck = 'Reload the view, check the address, and run the migration again.';
    const what = `the change to address ${addressSid}`;
    const found = await lookAfterUnknownOutcome(what, howToCheck, () => findAddressConfiguration(client, addressSid));
    if (found && addressMismatches(settings, found).length === 0) return found;
    if (found) throw error;
    throw cannotTell(what, howToCheck, error);
  }
}

interface Failure {
  detail: string;
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
    const problems = addressMismatches(planned, actual);
    if (problems.length > 0) {
      const detail = `The address is not as planned: ${problems.join(', ')}.`;
      log.failed('verify_address', detail);
      return { detail: detail.replace(/\.$/, ''), flowMayBeGone: false };
    }
    log.done('verify_address', `Address ${placed.sid} reads back as planned.`);
  } catch (error) {
    log.failed('verify_address', `Could not read the address back: ${reason(error)}.`);
    return { detail: `the address could not be read back (${reason(error)})`, flowMayBeGone: false };
  }

  try {
    await client.flexApi.v1.flexFlow(flowSid).remove();
    log.done('delete_flex_flow', `Deleted the Flex Flow ${flowSid}.`);
    return undefined;
  } catch (error) {
    // A lost answer may hide a delete that happened (or a parallel run's): undoing the address
    // then would leave the number with no route at all, so look before undoing.
    const gone = await flowIsGone(client, flowSid);
    if (gone === true) {
      log.done('delete_flex_flow', `The Flex Flow ${flowSid} is deleted (checked after its answer was lost).`);
      return undefined;
    }
    log.failed('delete_flex_flow', `Could not delete the Flex Flow ${flowSid}: ${reason(error)}.`);
    if (gone === 'unknown') {
      return {
        detail: `Twilio did not confirm that the Flex Flow ${flowSid} was deleted, and checking could not tell`,
        flowMayBeGone: true,
      };
    }
    return { detail: `the Flex Flow could not be deleted (${reason(error)})`, flowMayBeGone: false };
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
  failure: string,
  log: StepLog,
  result: Result,
): Promise<MigrateFlexFlowResponse> {
  const { address } = placed;
  if (placed.how === 'already_there') {
    return result(
      'unchanged',
      `Nothing changed: ${failure}. Address ${address.sid} (already there before this run) and the Flex Flow both ` +
        `still take messages for ${address.address}, as before: run the migration again to finish.`,
      null,
    );
  }
  const step: MigrationStepName = placed.how === 'created' ? 'undo_create_address' : 'undo_update_address';
  try {
    if (placed.how === 'created') {
      await retryIdempotentWrite(() => client.conversations.v1.addressConfigurations(address.sid).remove(), {
        doneIfNotFound: true,
      });
      log.done(step, `Deleted the new address ${address.sid} again.`);
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
      log.done(step, `Gave address ${address.sid} its earlier settings back.`);
    }
    const what =
      placed.how === 'created'
        ? 'the new address was deleted again'
        : `address ${address.sid} has its earlier settings again`;
    return result('unchanged', `Nothing changed: ${failure}, so ${what}. The Flex Flow is untouched.`, null);
  } catch (error) {
    const undoing = placed.how === 'created' ? 'deleted again' : 'given its earlier settings back';
    log.failed(step, `Could not undo the change to address ${address.sid}: ${reason(error)}.`);
    return result(
      'needs_attention',
      `Migration stopped: ${failure}, and address ${address.sid} could not be ${undoing} (${reason(error)}). ` +
        `Both it and the Flex Flow now take messages for ${address.address}: delete one of them by hand.`,
      address,
    );
  }
}
