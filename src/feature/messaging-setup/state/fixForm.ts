import type { AddressCorrection } from '../diagnostics/fixes';
import { offersBuiltIn, type AddressForm } from './addressForm';

/**
 * An edit form with a diagnosis fix already made in it (the supervisor reviews it and saves):
 * auto-creation on, the channel's default Studio flow (or none chosen, so the dialog asks for
 * one), the built-in webhook with its filter, Flex's conversation service. A webhook URL only the
 * user knows: the form stays as it is.
 */
export function correctedForm(
  form: AddressForm,
  correction: AddressCorrection,
  defaults: { studioFlowSid: string; flexServiceSid: string | null },
): AddressForm {
  switch (correction) {
    case 'auto-creation-on':
      return { ...form, autoCreationEnabled: true };
    case 'studio-flow': {
      // The default flow is the one at fault (a "Messaging Flow" with no Send to Flex): the dialog asks.
      const same = form.integrationType === 'studio' && form.studioFlowSid === defaults.studioFlowSid;
      return { ...form, integrationType: 'studio', studioFlowSid: same ? '' : defaults.studioFlowSid };
    }
    case 'built-in-webhook':
      return offersBuiltIn(form) ? { ...form, integrationType: 'builtin' } : form;
    case 'flex-service':
      return defaults.flexServiceSid ? { ...form, conversationServiceSid: defaults.flexServiceSid } : form;
    case 'webhook-url':
      return { ...form, integrationType: 'webhook' };
  }
}
