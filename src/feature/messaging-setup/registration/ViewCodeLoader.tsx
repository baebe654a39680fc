import React, { useCallback, useEffect, useState } from 'react';

import { fillTemplate } from '../../../contract/wording';
import { VIEW_CODE_FOLDER, type ViewCodeModule, type ViewCodeSource } from './loadViewCode';
import type { RegistrationStrings } from './registrationStrings';
import { RegistrationMessage } from './RegistrationMessage';

interface ViewCodeLoaderProps {
  backendUrl: string;
  strings: RegistrationStrings;
  source: ViewCodeSource;
  /** The view, once its code is here. */
  render: (code: ViewCodeModule) => React.ReactElement;
}

type LoadState = { status: 'loading' } | { status: 'loaded'; code: ViewCodeModule } | { status: 'failed' };

/**
 * Stands in the view's place until its code has loaded (the first open only: webpack keeps the
 * module), and says what to check, with a retry, when it cannot load. Mounted only while the view is
 * open (Flex's default mount rule), so no other Flex screen ever loads the view's code.
 */
export function ViewCodeLoader({ backendUrl, strings, source, render }: ViewCodeLoaderProps) {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<LoadState>(() => {
    const code = source.current();
    return code ? { status: 'loaded', code } : { status: 'loading' };
  });

  useEffect(() => {
    if (state.status === 'loaded') return undefined;
    let current = true;
    setState({ status: 'loading' });
    source.load().then(
      (code) => current && setState({ status: 'loaded', code }),
      () => current && setState({ status: 'failed' }),
    );
    return () => {
      current = false;
    };
    // Only a retry (or a new source) loads again; a loaded state never does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  if (state.status === 'loaded') return render(state.code);
  if (state.status === 'loading')
    return (
      <RegistrationMessage
        strings={strings}
        role="status"
        message={strings.MessagingSetupViewCodeLoading}
        testId="messaging-setup-view-loading"
      />
    );
  return (
    <RegistrationMessage
      strings={strings}
      role="alert"
      message={fillTemplate(strings.MessagingSetupViewCodeFailed, { url: `${backendUrl}/${VIEW_CODE_FOLDER}/` })}
      action={{ label: strings.MessagingSetupViewCodeRetry, onClick: retry }}
      testId="messaging-setup-view"
    />
  );
}
