import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button, type ButtonProps } from '@twilio-paste/core/button';
import { ScreenReaderOnly } from '@twilio-paste/core/screen-reader-only';

import type { Diagnosis } from '../../diagnostics/diagnose';
import { rowActionsOf, type RowAction } from '../../diagnostics/rowActions';
import type { FlexFlowRow } from '../../state/flexFlowRows';
import { fill, useStrings } from '../../strings';
import { useOpenDialog } from '../dialogs/dialogOwner';

/** The legacy Flex Flows' rows by SID: what a row's Migrate button migrates. */
export type FlexFlowsBySid = ReadonlyMap<string, FlexFlowRow>;

/** The view's Flex Flow rows by SID, for the tables' Migrate buttons. */
export const flexFlowsBySid = (rows: readonly FlexFlowRow[]): FlexFlowsBySid =>
  new Map(rows.map((row) => [row.flow.sid, row]));

interface AddressRowActionsProps {
  /** What the buttons act on, in their names: the row's address, and its name when it has one. */
  address: string;
  name?: string | null;
  diagnosis: Diagnosis | undefined;
  /** With an address: Edit and Delete. Without: Create (disabled when `onCreate` is absent). */
  hasAddress: boolean;
  onEdit?: () => void;
  onDelete?: () => void;
  onCreate?: () => void;
  /** The view's Flex Flows: a migratable one holding the address gets its Migrate button here. */
  flexFlows?: FlexFlowsBySid;
  /** The id of the table's "Recommended" (RecommendedNote): the primary button's description. */
  recommendedId?: string;
}

/**
 * A table row's buttons for its address: Edit and Delete, or Create, and Migrate when a legacy
 * Flex Flow that can be migrated still holds it. Short on screen ("Edit", "Delete"), so a row stays
 * one line high; named in full with what they act on ("Edit address for +14155550100 (Sales
 * line)"), so a screen reader going down the table tells the rows apart. The one primary button is
 * the fix the row's diagnosis recommends (diagnostics/rowActions.ts).
 */
export function AddressRowActions({
  address,
  name,
  diagnosis,
  hasAddress,
  onEdit,
  onDelete,
  onCreate,
  flexFlows,
  recommendedId,
}: AddressRowActionsProps) {
  const strings = useStrings();
  const open = useOpenDialog();
  const migratable = (sid: string) => flexFlows?.get(sid)?.preview.kind === 'ready';
  const { primary, migrateFlexFlowSid } = rowActionsOf(diagnosis, { hasAddress, migratable });
  const flexFlow = migrateFlexFlowSid ? flexFlows?.get(migrateFlexFlowSid) : undefined;
  const target = name && name !== address ? fill(strings.MessagingSetupRowTargetNamed, { address, name }) : address;
  const named = (action: string) => fill(strings.MessagingSetupRowActionFor, { action, target });
  // The primary button says so to a screen reader too, not only in its colour.
  const emphasis = (action: RowAction): Pick<ButtonProps, 'variant' | 'aria-describedby'> =>
    primary === action ? { variant: 'primary', 'aria-describedby': recommendedId } : { variant: 'secondary' };
  return (
    // Wraps, not widens: the actions column has a fixed width (cells.tsx), and a third button
    // (Migrate, on the few rows a legacy Flex Flow holds) goes to a second line within it.
    <Box
      display="flex"
      flexWrap="wrap"
      justifyContent="flex-end"
      columnGap="space30"
      rowGap="space20"
      whiteSpace="nowrap"
    >
      {hasAddress ? (
        <>
          <Button
            {...emphasis('edit')}
            size="small"
            aria-label={named(strings.MessagingSetupEditAddress)}
            onClick={onEdit}
          >
            {strings.MessagingSetupEdit}
          </Button>
          <Button
            variant="destructive_secondary"
            size="small"
            aria-label={named(strings.MessagingSetupDeleteAddress)}
            onClick={onDelete}
          >
            {strings.MessagingSetupDelete}
          </Button>
        </>
      ) : (
        <Button
          {...emphasis('create')}
          size="small"
          disabled={!onCreate}
          aria-label={named(strings.MessagingSetupCreateAddress)}
          onClick={onCreate}
        >
          {strings.MessagingSetupCreateAddress}
        </Button>
      )}
      {/* Last, so the row's first action stays where it was (focus comes back to it after a change). */}
      {flexFlow && (
        <Button
          {...emphasis('migrate')}
          size="small"
          aria-label={fill(strings.MessagingSetupMigrateRowLabel, {
            action: strings.MessagingSetupMigrate,
            flow: flexFlow.flow.friendlyName,
            target,
          })}
          onClick={() => open({ kind: 'migrate-flex-flows', rows: [flexFlow] })}
        >
          {strings.MessagingSetupMigrate}
        </Button>
      )}
    </Box>
  );
}

/**
 * The word a table's primary row buttons are described by, once per table: "Recommended" (the fix
 * the row's diagnosis recommends), read after the button's name.
 */
export function RecommendedNote({ id }: { id: string }) {
  const strings = useStrings();
  return <ScreenReaderOnly id={id}>{strings.MessagingSetupRowActionRecommended}</ScreenReaderOnly>;
}
