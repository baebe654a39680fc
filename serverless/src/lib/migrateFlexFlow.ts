import { addressMismatches, planFlexFlowMigration } from '../../../src/feature/messaging-setup/api/flexFlowMigration';
import type {
  AddressInput,
  AddressSummary,
  MigrateFlexFlowResponse,
  MigrationStep,
  MigrationStepName,
} from '../../../src/feature/messaging-setup/api/types';
import { BackendError, toBackendError } from '../http/backendError';
import type { TwilioClient } from '../twilio/clientFactory';
import { createAddressConfiguration } from './addressParams';
import { summariseAddress, summariseFlexFlow } from './summaries';

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

/**
 * Moves one Flex Flow to a Conversations Address: create the address, read it back and check it
 * is what was planned, then delete the Flex Flow. Create comes first so the number is never
 * without a route; if a later step fails the new address is deleted again and the flow stays.
 * The answer lists every step and, when something could not be undone, exactly what is left.
 */
export async function migrateFlexFlow(client: TwilioClient, sid: string): Promise<MigrateFlexFlowResponse> {
  const [flowResource, flexConfiguration] = await Promise.all([
    client.flexApi.v1.flexFlow(sid).fetch(),
    client.flexApi.v1.configuration().fetch(),
  ]);
  const flow = summariseFlexFlow(flowResource);
  const plan = planFlexFlowMigration(flow, flexConfiguration.flexServiceInstanceSid || null);
  if (!plan.migratable) throw new BackendError(409, 'not_migratable', plan.message);
  const planned = plan.address;
  const log = new StepLog();
  const result = (outcome: MigrateFlexFlowResponse['outcome'], message: string, address: AddressSummary | null) => ({
    outcome,
    message,
    flexFlowSid: sid,
    address,
    steps: log.steps,
  });

  let created: AddressSummary;
  try {
    created = await createAddressConfiguration(client, planned);
    log.done('create_address', `Created address ${created.sid} for ${planned.address}.`);
  } catch (error) {
    log.failed('create_address', `Could not create the address for ${planned.address}: ${reason(error)}.`);
    return result(
      'unchanged',
      `Nothing changed: the address for ${planned.address} could not be created (${reason(error)}). The Flex Flow is untouched.`,
      null,
    );
  }

  const failure = await verifyThenDeleteFlow(client, sid, created, planned, log);
  if (!failure) {
    return result(
      'migrated',
      `${planned.address} now reaches Flex through address ${created.sid}; the Flex Flow ${sid} is deleted.`,
      created,
    );
  }
  return undoCreate(client, created, failure, log, result);
}

/** Returns what failed, or undefined when the address checks out and the flow is gone. */
async function verifyThenDeleteFlow(
  client: TwilioClient,
  flowSid: string,
  created: AddressSummary,
  planned: AddressInput,
  log: StepLog,
): Promise<string | undefined> {
  try {
    const actual = summariseAddress(await client.conversations.v1.addressConfigurations(created.sid).fetch());
    const problems = addressMismatches(planned, actual);
    if (problems.length > 0) {
      const detail = `The new address is not as planned: ${problems.join(', ')}.`;
      log.failed('verify_address', detail);
      return detail;
    }
    log.done('verify_address', `Address ${created.sid} reads back as planned.`);
  } catch (error) {
    log.failed('verify_address', `Could not read the new address back: ${reason(error)}.`);
    return `the new address could not be read back (${reason(error)})`;
  }

  try {
    await client.flexApi.v1.flexFlow(flowSid).remove();
    log.done('delete_flex_flow', `Deleted the Flex Flow ${flowSid}.`);
    return undefined;
  } catch (error) {
    // A lost answer may hide a delete that happened: undoing the address then would leave the
    // number with no route at all, so look before undoing.
    if (await flowIsGone(client, flowSid)) {
      log.done('delete_flex_flow', `Deleted the Flex Flow ${flowSid} (its answer was lost; checked).`);
      return undefined;
    }
    log.failed('delete_flex_flow', `Could not delete the Flex Flow ${flowSid}: ${reason(error)}.`);
    return `the Flex Flow could not be deleted (${reason(error)})`;
  }
}

async function flowIsGone(client: TwilioClient, flowSid: string): Promise<boolean> {
  try {
    await client.flexApi.v1.flexFlow(flowSid).fetch();
    return false;
  } catch (error) {
    return toBackendError(error).status === 404;
  }
}

async function undoCreate(
  client: TwilioClient,
  created: AddressSummary,
  failure: string,
  log: StepLog,
  result: (o: MigrateFlexFlowResponse['outcome'], m: string, a: AddressSummary | null) => MigrateFlexFlowResponse,
): Promise<MigrateFlexFlowResponse> {
  try {
    await client.conversations.v1.addressConfigurations(created.sid).remove();
    log.done('undo_create_address', `Deleted the new address ${created.sid} again.`);
    return result(
      'unchanged',
      `Nothing changed: ${failure}, so the new address was deleted again. The Flex Flow is untouched.`,
      null,
    );
  } catch (error) {
    log.failed('undo_create_address', `Could not delete the new address ${created.sid}: ${reason(error)}.`);
    return result(
      'needs_attention',
      `Migration stopped: ${failure}, and the new address ${created.sid} could not be deleted again (${reason(error)}). ` +
        `Both it and the Flex Flow now take messages for ${created.address}: delete one of them by hand.`,
      created,
    );
  }
}
