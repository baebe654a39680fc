import React from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { viewCodeSource, type ViewCodeModule } from './loadViewCode';
import { registrationStrings } from './registrationStrings';
import { ViewCodeLoader } from './ViewCodeLoader';
import { deferred } from '../../../test/deferred';

const BACKEND_URL = 'https://messaging-setup-1234-dev.twil.io';
const code = { createMessagingSetupView: () => <p>the view</p> } as unknown as ViewCodeModule;

function renderLoader(source: ReturnType<typeof viewCodeSource>) {
  return render(
    <ViewCodeLoader
      backendUrl={BACKEND_URL}
      strings={registrationStrings}
      source={source}
      render={(loaded) => loaded.createMessagingSetupView({} as never)}
    />,
  );
}

test('says it is loading, then shows the view', async () => {
  const load = deferred<ViewCodeModule>();
  renderLoader(viewCodeSource(BACKEND_URL, () => load.promise));
  expect(screen.getByRole('status')).toHaveTextContent('Loading Messaging Setup…');
  expect(screen.getByRole('heading', { level: 1, name: 'Messaging Setup' })).toBeInTheDocument();
  load.resolve(code);
  expect(await screen.findByText('the view')).toBeInTheDocument();
  expect(screen.queryByRole('status')).not.toBeInTheDocument();
});

test('a failed load says where the code comes from and what to check, and Try again loads again', async () => {
  const attempts: Array<ReturnType<typeof deferred<ViewCodeModule>>> = [];
  const load = jest.fn((url: string) => {
    expect(url).toBe(BACKEND_URL);
    attempts.push(deferred<ViewCodeModule>());
    return attempts[attempts.length - 1].promise;
  });
  renderLoader(viewCodeSource(BACKEND_URL, load));
  attempts[0].reject(new Error('Loading chunk 1 failed.'));
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent(`did not load from ${BACKEND_URL}/messaging-setup-view/`);
  expect(alert).toHaveTextContent('deployed from the same build as this plugin');

  await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
  expect(load).toHaveBeenCalledTimes(2);
  expect(screen.getByRole('status')).toHaveTextContent('Loading Messaging Setup…');
  attempts[1].resolve(code);
  expect(await screen.findByText('the view')).toBeInTheDocument();
});

test('a view opened again shows at once from the code already loaded, without loading it again', async () => {
  const load = jest.fn(async () => code);
  const source = viewCodeSource(BACKEND_URL, load);
  const first = renderLoader(source);
  expect(await screen.findByText('the view')).toBeInTheDocument();
  first.unmount();

  renderLoader(source);
  expect(screen.getByText('the view')).toBeInTheDocument();
  expect(screen.queryByRole('status')).not.toBeInTheDocument();
  expect(load).toHaveBeenCalledTimes(1);
});
