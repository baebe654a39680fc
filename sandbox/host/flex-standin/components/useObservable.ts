import { useEffect, useState } from 'react';

import type { Observable } from '../observable';

/** Re-renders the calling component whenever the observable changes; returns its version. */
export function useObservable(observable: Observable): number {
  const [, setSeen] = useState(observable.version);
  useEffect(() => {
    const check = () => setSeen(observable.version);
    check(); // catches a change between render and subscription
    return observable.subscribe(check);
  }, [observable]);
  return observable.version;
}
