import { addressMismatches, flexFlowAddress, planFlexFlowMigration } from '../../../contract/flexFlowMigration';
import { wordMessage } from '../../../contract/wording';
import type {
  AddressInput,
  AddressSummary,
  ConversationServiceSummary,
  FlexFlowSummary,
  MigrateFlexFlowRequest,
  StudioFlowSummary,
} from '../../../contract/types';
import { fill, messagingSetupStrings, type MessagingSetupStrings } from '../strings';

/** What migrating a flow would do, from the data the view has loaded (the backend re-checks). */
type MigrationPreview =
  | {
      kind: 'ready';
      address: AddressInput;
      studioFlowName: string;
      serviceName: string;
      /** Things to know before migrating; none stop it. */
      warnings: string[];
      /**
       * The address the number already has, and how it differs (in words). With differences,
       * migrating brings it to the planned settings (the migration names it in
       * `updateExistingAddressSid`, which is the supervisor's confirmation); without, the
       * migration keeps it as it is.
       */
      existing?: { sid: string; differences: string[] };
    }
  /** `reason`: the contract's block problem, in the view's words. */
  | { kind: 'blocked'; reason: string };

export interface FlexFlowRow {
  flow: FlexFlowSummary;
  /** "Studio: Messaging Flow", "URL: https://…", "Task: workflow WW…". */
  integration: string;
  retryCount: string;
  /** The Address Configuration already on the flow's contact identity, if any. */
  addressConfiguration: AddressSummary | undefined;
  preview: MigrationPreview;
}

interface FlexFlowContext {
  studioFlowsBySid: ReadonlyMap<string, StudioFlowSummary>;
  /** False while Studio flows load or after they failed: an unknown flow is then not "missing". */
  studioFlowsKnown: boolean;
  byAddress: ReadonlyMap<string, AddressSummary>;
  flexServiceSid: string | null;
  services: readonly ConversationServiceSummary[];
}

function describeIntegration(
  flow: FlexFlowSummary,
  studioFlowsBySid: ReadonlyMap<string, StudioFlowSummary>,
  strings: MessagingSetupStrings,
): string {
  const { integration } = flow;
  switch (flow.integrationType) {
    case 'studio': {
      const sid = integration.flow_sid ?? '';
      return fill(strings.MessagingSetupFlexFlowStudio, {
        flow: studioFlowsBySid.get(sid)?.friendlyName ?? (sid || '—'),
      });
    }
    case 'external':
      return fill(strings.MessagingSetupFlexFlowUrl, { url: integration.url ?? '—' });
    case 'task':
      return fill(strings.MessagingSetupFlexFlowTask, {
        workflow: integration.workflow_sid ?? '—',
        channel: integration.channel ?? strings.MessagingSetupFlexFlowDefaultChannel,
      });
    default:
      return '—';
  }
}

function previewOf(
  flow: FlexFlowSummary,
  existing: AddressSummary | undefined,
  ctx: FlexFlowContext,
  strings: MessagingSetupStrings,
): MigrationPreview {
  const plan = planFlexFlowMigration(flow, ctx.flexServiceSid);
  if (!plan.migratable) return { kind: 'blocked', reason: wordMessage(plan.problem, strings) };
  const { address } = plan;
  const studio = address.integration.type === 'studio' ? address.integration : undefined;
  const studioFlow = studio ? ctx.studioFlowsBySid.get(studio.studioFlowSid) : undefined;
  const warnings: string[] = [];
  if (studio && !studioFlow && ctx.studioFlowsKnown) {
    warnings.push(fill(strings.MessagingSetupMigrateWarnFlowMissing, { sid: studio.studioFlowSid }));
  }
  if (studioFlow && studioFlow.status !== 'published') {
    warnings.push(fill(strings.MessagingSetupMigrateWarnFlowDraft, { name: studioFlow.friendlyName }));
  }
  const differences = existing ? addressMismatches(address, existing).map((d) => wordMessage(d, strings)) : [];
  if (existing && differences.length > 0) {
    warnings.push(
      fill(strings.MessagingSetupMigrateWarnExistingDiffers, {
        address: existing.address,
        sid: existing.sid,
        differences: differences.join(', '),
      }),
    );
  } else if (existing) {
    warnings.push(
      fill(strings.MessagingSetupMigrateWarnExistingSame, { address: existing.address, sid: existing.sid }),
    );
  } else if (!flow.enabled) {
    warnings.push(strings.MessagingSetupMigrateWarnDisabled);
  }
  const service = ctx.services.find((s) => s.sid === address.conversationServiceSid);
  return {
    kind: 'ready',
    address,
    studioFlowName: studioFlow?.friendlyName ?? studio?.studioFlowSid ?? '—',
    serviceName: service?.friendlyName ?? address.conversationServiceSid ?? strings.MessagingSetupAccountDefault,
    warnings,
    ...(existing ? { existing: { sid: existing.sid, differences } } : {}),
  };
}

/** One row per Flex Flow, with what migrating it would do. */
export function flexFlowRows(
  flows: readonly FlexFlowSummary[],
  ctx: FlexFlowContext,
  strings: MessagingSetupStrings = messagingSetupStrings,
): FlexFlowRow[] {
  return flows.map((flow) => {
    const identity = flexFlowAddress(flow);
    const addressConfiguration = identity ? ctx.byAddress.get(identity) : undefined;
    const retry = flow.integration.retry_count;
    return {
      flow,
      integration: describeIntegration(flow, ctx.studioFlowsBySid, strings),
      retryCount: typeof retry === 'number' ? String(retry) : '—',
      addressConfiguration,
      preview: previewOf(flow, addressConfiguration, ctx, strings),
    };
  });
}

/**
 * What the view sends to migrate a row's flow: the flow, and — when the preview showed that the
 * number's existing address will be changed — that address, as the supervisor's confirmation.
 */
export function migrationRequest(row: FlexFlowRow): MigrateFlexFlowRequest {
  const existing = row.preview.kind === 'ready' ? row.preview.existing : undefined;
  return {
    sid: row.flow.sid,
    ...(existing && existing.differences.length > 0 ? { updateExistingAddressSid: existing.sid } : {}),
  };
}
