import type { MigrateFlexFlowResponse, MigrationStep } from '../../../contract/types';
import { errorMessage } from '../errorMessage';
import { wordedByView } from '../api/backendClient';
import { fill, messagingSetupStrings, type MessagingSetupStrings } from '../strings';
import type { BulkOutcome } from './bulkRunner';
import type { FlexFlowRow } from './flexFlowRows';

export type ItemOutcome = MigrateFlexFlowResponse['outcome'] | 'skipped' | 'stopped' | 'failed';

/** What happened to one Flex Flow of a migration run. */
export interface MigrationItemResult {
  row: FlexFlowRow;
  outcome: ItemOutcome;
  message: string;
  steps: MigrationStep[];
}

/** A migration's answer with its message and steps in the view's words (keys the backend sent). */
function worded(response: MigrateFlexFlowResponse, strings: MessagingSetupStrings) {
  return {
    message: wordedByView(response.message, response.messageKey, response.values, strings),
    steps: response.steps.map((step) => ({
      ...step,
      detail: wordedByView(step.detail, step.detailKey, step.detailValues, strings),
    })),
  };
}

/**
 * A run's results in the order of its rows: a flow that cannot be migrated is skipped (with why)
 * from the start; the others as the bulk runner finished them, and nothing for one still to come.
 */
export function migrationResults(
  rows: readonly FlexFlowRow[],
  outcomes: ReadonlyMap<FlexFlowRow, BulkOutcome<MigrateFlexFlowResponse>>,
  strings: MessagingSetupStrings = messagingSetupStrings,
): MigrationItemResult[] {
  return rows.flatMap((row): MigrationItemResult[] => {
    if (row.preview.kind === 'blocked') return [{ row, outcome: 'skipped', message: row.preview.reason, steps: [] }];
    const outcome = outcomes.get(row);
    if (!outcome) return [];
    if (outcome.status === 'done') {
      const { value } = outcome;
      return [{ row, outcome: value.outcome, ...worded(value, strings) }];
    }
    if (outcome.status === 'failed')
      return [{ row, outcome: 'failed', message: errorMessage(outcome.error), steps: [] }];
    return [{ row, outcome: 'stopped', message: '', steps: [] }];
  });
}

export function summariseMigration(results: readonly MigrationItemResult[], strings: MessagingSetupStrings): string {
  const count = (...outcomes: ItemOutcome[]) => results.filter((r) => outcomes.includes(r.outcome)).length;
  return fill(strings.MessagingSetupMigrateSummary, {
    migrated: count('migrated'),
    unchanged: count('unchanged', 'failed'),
    attention: count('needs_attention'),
    skipped: count('skipped', 'stopped'),
  });
}
