import React from 'react';
import { act, render, screen } from '@testing-library/react';

import { useAsync, type AsyncOutcome } from './useAsync';
import { deferred } from '../../../test/deferred';

let hook: ReturnType<typeof useAsync>;
function Probe() {
  hook = useAsync();
  return <p>{hook.pending ? 'pending' : (hook.error ?? 'idle')}</p>;
}

test('pending while it runs, the message when it failed, and a done answer says what came back', async () => {
  render(<Probe />);
  const first = deferred<string>();
  let outcome: Promise<AsyncOutcome<string>> | undefined;
  act(() => {
    outcome = hook.run(() => first.promise);
  });
  expect(screen.getByText('pending')).toBeInTheDocument();
  await act(async () => first.reject(new Error('Twilio said no.')));
  await expect(outcome).resolves.toMatchObject({ status: 'failed' });
  expect(screen.getByText('Twilio said no.')).toBeInTheDocument();

  const second = deferred<string>();
  act(() => {
    outcome = hook.run(() => second.promise);
  });
  await act(async () => second.resolve('saved'));
  await expect(outcome).resolves.toEqual({ status: 'done', value: 'saved' });
  expect(screen.getByText('idle')).toBeInTheDocument();
});

test('an older answer arriving after a newer run started is dropped, and so is one after unmount', async () => {
  const { unmount } = render(<Probe />);
  const older = deferred<string>();
  const newer = deferred<string>();
  let first: Promise<AsyncOutcome<string>> | undefined;
  let second: Promise<AsyncOutcome<string>> | undefined;
  act(() => {
    first = hook.run(() => older.promise);
    second = hook.run(() => newer.promise);
  });
  await act(async () => older.reject(new Error('stale failure')));
  await expect(first).resolves.toEqual({ status: 'stale' });
  // The stale failure did not show: the newer run is still pending.
  expect(screen.getByText('pending')).toBeInTheDocument();

  unmount();
  newer.resolve('too late');
  await expect(second).resolves.toEqual({ status: 'stale' });
});
