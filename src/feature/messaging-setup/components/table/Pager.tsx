import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';

import { fill, useStrings } from '../../strings';

const PAGE_SIZE = 25;

/**
 * Table paging: a large account's 10,000 rows render 25 at a time, about a screenful and a half.
 * Mounting a page of Paste rows is what a search's first keystroke costs, so the page stays small
 * (docs/PERFORMANCE.md has the figures).
 */
export function Pager({ page, total, onPage }: { page: number; total: number; onPage: (page: number) => void }) {
  const strings = useStrings();
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return null;
  return (
    <Box display="flex" justifyContent="flex-end" alignItems="center" columnGap="space40" marginTop="space40">
      <Button variant="secondary" size="small" disabled={page <= 0} onClick={() => onPage(page - 1)}>
        {strings.MessagingSetupPreviousPage}
      </Button>
      <Box fontSize="fontSize30">{fill(strings.MessagingSetupPageOf, { page: page + 1, pages })}</Box>
      <Button variant="secondary" size="small" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
        {strings.MessagingSetupNextPage}
      </Button>
    </Box>
  );
}

export function pageOf<T>(items: readonly T[], page: number): T[] {
  return items.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
}

/** The page to show after the list shrinks (a filter, a delete): never past the end. */
export function clampPage(page: number, total: number): number {
  return Math.min(page, Math.max(0, Math.ceil(total / PAGE_SIZE) - 1));
}
