import { screen, waitFor, within } from '@testing-library/react';

import type { StuckConversation } from '../../../../contract/types';
import { FLEX_SERVICE_SID, NUMBERS, OTHER_SERVICE_SID } from '../../../../test/fakeAccount';
import { createFakeBackend } from '../../../../test/fakeBackend';
import { activePanel, renderMessagingSetup } from '../../../../test/renderMessagingSetup';

jest.setTimeout(30_000);

const SUPPORT = NUMBERS.support.phoneNumber;

const open = (n: number, overrides: Partial<StuckConversation> = {}): StuckConversation => ({
  sid: `CH${String(n).padStart(32, '0')}`,
  serviceSid: OTHER_SERVICE_SID,
  flexService: false,
  state: 'active',
  createdAt: new Date(Date.now() - 86_400_000).toISOString(),
  updatedAt: new Date(Date.now() - 3_600_000).toISOString(),
  customer: `+1311555010${n}`,
  ourAddress: SUPPORT,
  verdict: 'other-service',
  ...overrides,
});

async function saveSupportAddress(user: Awaited<ReturnType<typeof renderMessagingSetup>>['user']) {
  const row = within(activePanel())
    .getAllByTestId('connection-row')
    .find((r) => r.textContent?.includes(SUPPORT)) as HTMLElement;
  await user.click(within(row).getByRole('button', { name: /^Edit address for / }));
  const form = within(await screen.findByRole('dialog', { name: 'Edit address' }));
  await user.click(form.getByRole('button', { name: 'Save' }));
}

test('a save that leaves conversations open in another service says so and offers to close them', async () => {
  const fake = createFakeBackend();
  const leftBehind = [open(1), open(2)];
  let saved = false;
  fake.answerStuck(() => {
    // Before the save the list is as the view first read it; after it, as Twilio holds it then.
    const items = saved
      ? [
          ...leftBehind,
          // Another number's, and one of this address in Flex's own service: not what the save left behind.
          open(3, { ourAddress: NUMBERS.billing.phoneNumber }),
          open(4, { serviceSid: FLEX_SERVICE_SID, flexService: true, verdict: 'no-open-task' }),
        ]
      : [];
    return { items, count: items.length, truncated: false };
  });
  const { user } = await renderMessagingSetup({ fake });
  await waitFor(() => expect(fake.payloadsTo('list-stuck-conversations')).toHaveLength(1));
  saved = true;
  await saveSupportAddress(user);

  const offer = await screen.findByRole('dialog', { name: 'Conversations left behind by this change' });
  expect(offer).toHaveTextContent(
    `${SUPPORT} now hands new conversations to Flex, but 2 customers still have an open conversation with it in Marketing.`,
  );
  expect(fake.payloadsTo('list-stuck-conversations')).toHaveLength(2);
  await user.click(within(offer).getByRole('button', { name: 'Review and close them' }));

  // The close dialog lists exactly those two, and says closed is final before anything is closed.
  const close = await screen.findByRole('dialog', { name: /Close 2 conversations/ });
  expect(close).toHaveTextContent('Closed is final');
  for (const c of leftBehind) expect(close).toHaveTextContent(c.sid);
  expect(close).not.toHaveTextContent(open(3).sid);
  expect(close).not.toHaveTextContent(open(4).sid);
  expect(fake.payloadsTo('close-conversation')).toEqual([]);
});

test('a save that leaves nothing behind offers nothing, and Cancel on the offer closes nothing', async () => {
  const fake = createFakeBackend();
  const { user } = await renderMessagingSetup({ fake });
  await waitFor(() => expect(fake.payloadsTo('list-stuck-conversations')).toHaveLength(1));
  await saveSupportAddress(user);
  await waitFor(() => expect(fake.payloadsTo('list-stuck-conversations')).toHaveLength(2));
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

  fake.answerStuck({ items: [open(1)], count: 1, truncated: false });
  await saveSupportAddress(user);
  const offer = await screen.findByRole('dialog', { name: 'Conversations left behind by this change' });
  expect(offer).toHaveTextContent('but 1 customer still has an open conversation with it');
  await user.click(within(offer).getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  expect(fake.payloadsTo('close-conversation')).toEqual([]);
});
