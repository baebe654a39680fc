import { useState } from 'react';
import { errorMessage } from '../errorMessage';

/**
 * A confirm button's life: busy while the action runs; on success `onSuccess` (the dialog closes);
 * on failure not busy any more, and the error's message to show in place (the dialog stays open).
 */
export function usePendingAction(action: () => Promise<unknown>, onSuccess: () => void) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setPending(true);
    setError(null);
    try {
      await action();
      onSuccess();
    } catch (e) {
      setPending(false);
      setError(errorMessage(e));
    }
  }

  return { pending, error, run };
}
