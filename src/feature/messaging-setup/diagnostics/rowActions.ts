/**
 * Which of a row's own buttons is its primary one: the fix its diagnosis recommends
 * (diagnostics/fixes.ts), when that fix is one the row's buttons make. A Facebook page or a number
 * that a legacy Flex Flow still holds is migrated, not given a new address beside the flow (which
 * would leave a Warning and drop the flow's retry count); an address that routes nowhere is edited.
 */
import type { Diagnosis } from './diagnose';
import { fixesFor, type FindingFix } from './fixes';

/** The fixes a row's own buttons make (the others are made from its diagnosis). */
export type RowAction = Extract<FindingFix['kind'], 'create' | 'edit' | 'migrate'>;

const ROW_ACTIONS: ReadonlySet<FindingFix['kind']> = new Set<RowAction>(['create', 'edit', 'migrate']);

const isRowAction = (fix: FindingFix): fix is Extract<FindingFix, { kind: RowAction }> => ROW_ACTIONS.has(fix.kind);

const isMigrate = (fix: FindingFix): fix is Extract<FindingFix, { kind: 'migrate' }> => fix.kind === 'migrate';

export interface RowActions {
  /** The one primary button; none when nothing the row's buttons make is called for (or it is set aside). */
  primary: RowAction | undefined;
  /** The legacy Flex Flow holding the row's address that can be migrated from the row, by SID. */
  migrateFlexFlowSid: string | undefined;
}

/**
 * A row's buttons from its diagnosis: the first finding's first fix that a row's button makes is
 * primary, the rest secondary. A row without an address is there to get one: Create stays primary
 * when nothing else is recommended (its diagnosis still loading, or none), except when it was set
 * aside as not for Flex: then making an address is no longer what it asks for.
 */
export function rowActionsOf(
  diagnosis: Diagnosis | undefined,
  row: { hasAddress: boolean; migratable: (flexFlowSid: string) => boolean },
): RowActions {
  const fixes = diagnosis ? fixesFor(diagnosis.findings, { ...row, canSetAside: false }).flat() : [];
  const migrateFlexFlowSid = fixes.find(isMigrate)?.flexFlowSid;
  if (diagnosis?.level === 'set-aside') return { primary: undefined, migrateFlexFlowSid };
  const recommended = fixes.find(isRowAction)?.kind;
  return { primary: recommended ?? (row.hasAddress ? undefined : 'create'), migrateFlexFlowSid };
}
