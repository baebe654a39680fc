import { addressForms, offersBuiltIn, withType } from './addressForm';

const MESSAGING = `FW${'1'.repeat(32)}`;
const CHAT = `FW${'2'.repeat(32)}`;
const forms = addressForms({
  studioFlowDefaults: { sms: MESSAGING, whatsapp: MESSAGING, messenger: MESSAGING, chat: CHAT },
  flexServiceSid: null,
  backendUrl: 'https://messaging-setup-1234-dev.twil.io',
});

describe('choosing a type in the create form', () => {
  test('each type starts with its Studio flow: "Messaging Flow", or "Chat Flow" for chat', () => {
    expect(forms.create('sms', '').studioFlowSid).toBe(MESSAGING);
    expect(forms.create('messenger', '').studioFlowSid).toBe(MESSAGING);
    expect(forms.create('chat', '').studioFlowSid).toBe(CHAT);
  });

  test('another type brings its default flow while the user has not picked one, and keeps theirs after', () => {
    const sms = forms.create('sms', '');
    expect(withType(sms, 'chat').studioFlowSid).toBe(CHAT);
    const picked = { ...sms, studioFlowSid: `FW${'3'.repeat(32)}` };
    expect(withType(picked, 'chat').studioFlowSid).toBe(picked.studioFlowSid);
  });

  test('the built-in Flex webhook is offered for every type, chat included, when the backend is known', () => {
    const messenger = { ...forms.create('messenger', ''), integrationType: 'builtin' as const };
    expect(offersBuiltIn(messenger)).toBe(true);
    const chat = withType(messenger, 'chat');
    expect(offersBuiltIn(chat)).toBe(true);
    expect(chat.integrationType).toBe('builtin');
    expect(offersBuiltIn({ ...messenger, backendUrl: null })).toBe(false);
    expect(withType({ ...messenger, backendUrl: null }, 'sms').integrationType).toBe('studio');
  });
});
