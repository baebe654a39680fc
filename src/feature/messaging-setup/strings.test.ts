import { BACKEND_MESSAGES } from '../../contract/backendMessages';
import { RULE_MESSAGES } from '../../contract/ruleMessages';
import { fill, messagingSetupStrings, resolveStrings } from './strings';

describe('the view’s strings', () => {
  test('hold the contract rules’ messages as they are, and none of the backend’s (those come worded)', () => {
    for (const key of Object.keys(RULE_MESSAGES) as (keyof typeof RULE_MESSAGES)[]) {
      expect(messagingSetupStrings[key]).toBe(RULE_MESSAGES[key]);
    }
    for (const key of Object.keys(BACKEND_MESSAGES)) expect(key in messagingSetupStrings).toBe(false);
  });

  test('an account’s words for a backend message are kept (shown instead of the backend’s English); other keys are not', () => {
    const strings = resolveStrings({
      MessagingSetupRefusalForbidden: 'Only {{roles}}.',
      SomeOtherPluginTitle: 'Not ours',
    }) as unknown as Record<string, string>;
    expect(strings.MessagingSetupRefusalForbidden).toBe('Only {{roles}}.');
    expect('SomeOtherPluginTitle' in strings).toBe(false);
  });

  test('an account rewords a contract message under its key, as any other text of the view', () => {
    const strings = resolveStrings({
      MessagingSetupRuleChooseStudioFlow: 'Pick a flow.',
      MessagingSetupTitle: 'Setup',
    });
    expect(strings.MessagingSetupRuleChooseStudioFlow).toBe('Pick a flow.');
    expect(strings.MessagingSetupTitle).toBe('Setup');
    expect(strings.MessagingSetupRuleChooseMethod).toBe('Choose GET or POST.');
  });

  test('fill is the contract’s one fill: unknown placeholders stay as written', () => {
    expect(fill('{{a}} of {{b}}', { a: 'one' })).toBe('one of {{b}}');
  });
});
