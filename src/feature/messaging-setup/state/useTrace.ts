import { useCallback, useState } from 'react';

import type { TraceCustomerRequest, TraceCustomerResponse } from '../../../contract/types';
import { BackendApiError, type BackendClient } from '../api/backendClient';
import { useAsync } from './useAsync';

/** The trace form's fields the backend checks (its 400 names them in `fieldProblems`). */
export type TraceField = keyof TraceCustomerRequest;
export type TraceFieldErrors = Partial<Record<TraceField, string>>;

const TRACE_FIELDS: readonly TraceField[] = ['customer', 'ourAddress'];

export interface Trace {
  /** The request of the answer (or error) shown; null before the first trace. */
  request: TraceCustomerRequest | null;
  answer: TraceCustomerResponse | null;
  /** When the answer came (ms): its ages are told from then, so they hold still while read. */
  answeredAt: number;
  loading: boolean;
  /** Why the last trace failed, when it was not a field's problem (those are in `fieldErrors`). */
  error: string | null;
  fieldErrors: TraceFieldErrors;
  trace: (request: TraceCustomerRequest) => void;
  /** The last request once more (after an error). */
  retry: () => void;
  /** A field was edited: its server error no longer applies. */
  clearFieldError: (field: TraceField) => void;
}

/** The fields of a refusal the form shows beside its own inputs; none when it names none of them. */
function fieldErrorsOf(error: unknown): TraceFieldErrors {
  if (!(error instanceof BackendApiError) || !error.fields) return {};
  const fields: TraceFieldErrors = {};
  for (const field of TRACE_FIELDS) {
    const message = error.fields[field];
    if (message) fields[field] = message;
  }
  return fields;
}

/**
 * One customer's trace (trace-customer), asked for by the Trace tab's form: nothing is requested
 * until the user traces someone, so opening the view or the tab costs no request. A newer trace
 * drops the answer of an older one still on its way.
 */
export function useTrace(backend: BackendClient): Trace {
  const { pending, error, run } = useAsync();
  const [request, setRequest] = useState<TraceCustomerRequest | null>(null);
  const [answered, setAnswered] = useState<{ answer: TraceCustomerResponse | null; at: number }>({
    answer: null,
    at: 0,
  });
  const [fieldErrors, setFieldErrors] = useState<TraceFieldErrors>({});
  // A refusal of the fields shows beside them only, even once the user edits them.
  const [refusedFields, setRefusedFields] = useState(false);

  const trace = useCallback(
    (next: TraceCustomerRequest) => {
      setRequest(next);
      setAnswered({ answer: null, at: 0 });
      setFieldErrors({});
      setRefusedFields(false);
      void run(() => backend.call('trace-customer', next)).then((outcome) => {
        if (outcome.status === 'done') setAnswered({ answer: outcome.value, at: Date.now() });
        else if (outcome.status === 'failed') {
          const fields = fieldErrorsOf(outcome.error);
          setFieldErrors(fields);
          setRefusedFields(Object.keys(fields).length > 0);
        }
      });
    },
    [backend, run],
  );
  const retry = useCallback(() => {
    if (request) trace(request);
  }, [request, trace]);
  const clearFieldError = useCallback(
    (field: TraceField) =>
      setFieldErrors((was) => {
        if (!(field in was)) return was;
        const rest = { ...was };
        delete rest[field];
        return rest;
      }),
    [],
  );
  return {
    request,
    answer: answered.answer,
    answeredAt: answered.at,
    loading: pending,
    error: refusedFields ? null : error,
    fieldErrors,
    trace,
    retry,
    clearFieldError,
  };
}
