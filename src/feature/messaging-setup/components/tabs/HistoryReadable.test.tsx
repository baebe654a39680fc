/**
 * A history a supervisor reads (#27): each change named in words, times local and relative, a
 * person found by part of their identity, a range of days, one search, and a row's timeline
 * opened from its diagnosis — all through the view, on the fake backend (which filters by the
 * backend's own rule, src/contract/historyFilter.ts).
 */
import { screen, waitFor, within } from '@testing-library/react';

import type { AddressSummary, HistoryEntry } from '../../../../contract/types';
import {
  ADDRESSES,
  defaultAccount,
  DRAFT_FLOW_SID,
  FLEX_SERVICE_SID,
  OTHER_SERVICE_SID,
} from '../../../../test/fakeAccount';
import { createFakeBackend } from '../../../../test/fakeBackend';
import { activePanel, renderMessagingSetup } from '../../../../test/renderMessagingSetup';

jest.setTimeout(30_000);

const { support, billing, whatsapp } = ADDRESSES;
const NEW_HOOK = 'https://hooks.example.com/v2';

/** `yyyy-mm-dd` of a local day, as a date input takes it. */
const dayText = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
const now = new Date();
const yesterdayAt1405 = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 14, 5);
const LONG_AGO = '2025-03-04T09:30:00.000Z';

function update(id: string, at: string, identity: string, before: AddressSummary, after: AddressSummary): HistoryEntry {
  return {
    id,
    at,
    who: { identity, roles: ['supervisor'] },
    kind: 'update-address',
    resource: { type: 'address', sid: before.sid, address: before.address },
    before: { address: before },
    after: { address: after },
    outcome: 'succeeded',
  };
}

/** Three changes, newest first: today a service, yesterday a Studio flow and more, long ago a webhook. */
const ENTRIES = {
  service: update('3', now.toISOString(), 'second.supervisor@owl.example', support, {
    ...support,
    conversationServiceSid: OTHER_SERVICE_SID,
  }),
  flow: update('2', yesterdayAt1405.toISOString(), 'demo.supervisor@owl.example', billing, {
    ...billing,
    autoCreationEnabled: true,
    integration: { type: 'studio', studioFlowSid: DRAFT_FLOW_SID, retryCount: 2 },
  }),
  webhook: update('1', LONG_AGO, 'other.admin@owl.example', whatsapp, {
    ...whatsapp,
    integration: {
      type: 'webhook',
      webhookUrl: NEW_HOOK,
      webhookMethod: 'POST',
      webhookFilters: ['onMessageAdded', 'onConversationUpdated'],
    },
  }),
};

const SENTENCES = {
  service: `second.supervisor changed ${support.address}: conversation service from Flex's service to "Marketing"`,
  flow: `demo.supervisor changed ${billing.address}: auto-creation from disabled to enabled; Studio flow from "Messaging Flow" to "Survey draft"; retry count from 1 to 2`,
  webhook: `other.admin changed ${whatsapp.address}: webhook URL from https://hooks.example.com/inbound to ${NEW_HOOK}; webhook filters from onMessageAdded to onConversationUpdated, onMessageAdded`,
};

function fakeWithHistory() {
  const account = defaultAccount();
  account.history = [ENTRIES.service, ENTRIES.flow, ENTRIES.webhook];
  return createFakeBackend(account);
}

const historyRows = () => within(activePanel()).queryAllByTestId('history-row');
const rowTexts = () => historyRows().map((row) => row.textContent ?? '');
const lastQuery = (fake: ReturnType<typeof createFakeBackend>) => fake.payloadsTo('list-history').at(-1);

async function openHistory(fake = fakeWithHistory()) {
  const view = await renderMessagingSetup({ fake });
  await view.user.click(screen.getByRole('tab', { name: 'History' }));
  await waitFor(() => expect(historyRows()).toHaveLength(3));
  return view;
}

test('each change reads in words: the fields that differ, by name, before → after; the SIDs on demand', async () => {
  const { user } = await openHistory();
  const [service, flow, webhook] = historyRows();
  expect(service).toHaveTextContent(SENTENCES.service);
  expect(flow).toHaveTextContent(SENTENCES.flow);
  expect(webhook).toHaveTextContent(SENTENCES.webhook);
  // The Revert names the change in the same words.
  expect(within(service).getByRole('button', { name: `Revert: ${SENTENCES.service}` })).toBeInTheDocument();
  // The sentence is all words (no SID); the SIDs are in its "Before and after".
  expect(within(service).getByText(SENTENCES.service)).toBeInTheDocument();
  await user.click(within(service).getByText('Before and after'));
  expect(
    within(within(service).getByRole('list', { name: 'Fields changed' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent),
  ).toEqual([`address.conversationServiceSid: "${FLEX_SERVICE_SID}" → "${OTHER_SERVICE_SID}"`]);
});

test("times read in the supervisor's local time, relative to today, with the exact instant on demand", async () => {
  await openHistory();
  const times = historyRows().map((row) => row.querySelector('time'));
  const time = (date: Date) => date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  expect(times.map((t) => t?.textContent)).toEqual([
    `today ${time(now)}`,
    `yesterday ${time(yesterdayAt1405)}`,
    new Date(LONG_AGO).toLocaleString(undefined, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }),
  ]);
  // In the tests' time zone (UTC), the last is exactly this.
  expect(times[2]).toHaveTextContent('Mar 4, 2025, 09:30 AM');
  expect(times.map((t) => t?.getAttribute('dateTime'))).toEqual([
    ENTRIES.service.at,
    ENTRIES.flow.at,
    ENTRIES.webhook.at,
  ]);
  expect(times[0]).toHaveAttribute('title', ENTRIES.service.at);
});

test('the Person filter finds a person by part of their identity, in any case', async () => {
  const fake = fakeWithHistory();
  const { user } = await openHistory(fake);
  const person = within(activePanel()).getByRole('textbox', { name: 'Person' });
  const apply = within(activePanel()).getByRole('button', { name: 'Show changes' });
  for (const part of ['second', 'SECOND']) {
    await user.clear(person);
    await user.type(person, part);
    await user.click(apply);
    await waitFor(() => expect(historyRows()).toHaveLength(1));
    expect(lastQuery(fake)).toEqual({ identity: part });
    expect(historyRows()[0]).toHaveTextContent(SENTENCES.service);
  }
  await user.clear(person);
  await user.type(person, 'nobody');
  await user.click(apply);
  expect(await within(activePanel()).findByText('No change matches these filters.')).toBeInTheDocument();
});

test('a range of local days narrows the list; a range that ends before it starts is said, not sent', async () => {
  const fake = fakeWithHistory();
  const { user } = await openHistory(fake);
  const from = within(activePanel()).getByLabelText('From');
  const to = within(activePanel()).getByLabelText('To');
  const apply = within(activePanel()).getByRole('button', { name: 'Show changes' });

  await user.type(from, dayText(yesterdayAt1405));
  await user.type(to, dayText(yesterdayAt1405));
  await user.click(apply);
  await waitFor(() => expect(historyRows()).toHaveLength(1));
  expect(historyRows()[0]).toHaveTextContent(SENTENCES.flow);
  // From the start of the local day to the start of the next, as instants.
  const startOfYesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  expect(lastQuery(fake)).toEqual({ from: startOfYesterday.toISOString(), to: startOfToday.toISOString() });

  // Only a start: from it on.
  await user.clear(to);
  await user.click(apply);
  await waitFor(() => expect(rowTexts()).toHaveLength(2));
  expect(historyRows()[1]).toHaveTextContent(SENTENCES.flow);

  const asked = fake.payloadsTo('list-history').length;
  await user.clear(from);
  await user.type(from, dayText(now));
  await user.type(to, dayText(yesterdayAt1405));
  await user.click(apply);
  expect(await within(activePanel()).findByText('The first day must not be after the last.')).toBeInTheDocument();
  expect(to).toHaveAttribute('aria-invalid', 'true');
  expect(fake.payloadsTo('list-history')).toHaveLength(asked);
});

test('one search, over the whole history by the backend: part of an address, a person, a SID or a URL, in any case', async () => {
  const fake = fakeWithHistory();
  const { user } = await openHistory(fake);
  expect(within(activePanel()).getAllByRole('searchbox')).toHaveLength(1);
  const search = within(activePanel()).getByRole('searchbox', { name: 'Search changes' });
  await user.type(search, 'HOOKS.example.com/V2');
  await user.click(within(activePanel()).getByRole('button', { name: 'Show changes' }));
  await waitFor(() => expect(historyRows()).toHaveLength(1));
  expect(historyRows()[0]).toHaveTextContent(SENTENCES.webhook);
  expect(lastQuery(fake)).toEqual({ search: 'HOOKS.example.com/V2' });

  await user.clear(search);
  await user.type(search, '+1415555010');
  await user.click(within(activePanel()).getByRole('button', { name: 'Show changes' }));
  // The support and billing lines, and the WhatsApp sender (whatsapp:+14155550201).
  await waitFor(() => expect(historyRows()).toHaveLength(2));
  expect(rowTexts()[0]).toContain(SENTENCES.service);
  expect(rowTexts()[1]).toContain(SENTENCES.flow);
});

test("a row's diagnosis opens that row's whole timeline on the History tab", async () => {
  const fake = fakeWithHistory();
  const { user } = await renderMessagingSetup({ fake });
  await user.click(
    within(activePanel()).getByRole('button', { name: new RegExp(`^Diagnosis for \\${support.address}`) }),
  );
  const dialog = await screen.findByRole('dialog');
  const recent = within(dialog).getByRole('region', { name: 'Recent changes' });
  await waitFor(() => expect(within(recent).getAllByTestId('recent-change')).toHaveLength(1));
  expect(within(recent).getByTestId('recent-change')).toHaveTextContent(`today`);
  await user.click(within(recent).getByRole('button', { name: `Show every change of ${support.address}` }));

  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  expect(screen.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
  await waitFor(() => expect(historyRows()).toHaveLength(1));
  expect(historyRows()[0]).toHaveTextContent(SENTENCES.service);
  expect(lastQuery(fake)).toEqual({ address: support.address });
  const timeline = within(activePanel()).getByTestId('history-timeline');
  expect(timeline).toHaveTextContent(`Showing every change of ${support.address}.`);

  await user.click(within(timeline).getByRole('button', { name: 'Show all changes' }));
  await waitFor(() => expect(historyRows()).toHaveLength(3));
  expect(within(activePanel()).queryByTestId('history-timeline')).not.toBeInTheDocument();
});
