import { finding, type Finding, type FindingCode } from './diagnose';
import { fixesFor, type FindingFix, type FixSubject } from './fixes';

const FLOW = 'FO00000000000000000000000000000001';
const subject = (fields: Partial<FixSubject> = {}): FixSubject => ({
  hasAddress: true,
  canSetAside: true,
  migratable: () => true,
  ...fields,
});
const one = (f: Finding, s: FixSubject = subject()) => fixesFor([f], s)[0];
/** A finding of `code` (its words do not matter here, but the default-service one's). */
const of = (code: FindingCode): Finding =>
  code === 'legacy-flex-flow'
    ? { ...finding(code, 'warning', 'MessagingSetupFindingLegacyFlexFlow', { name: 'Old' }), flexFlowSid: FLOW }
    : finding(code, 'broken', 'MessagingSetupFindingNoAddress');
const edit = (correction: string): FindingFix[] => [{ kind: 'edit', correction } as FindingFix];

describe("each finding's fix", () => {
  test.each<[FindingCode, FindingFix[]]>([
    ['no-sms-capability', []],
    ['no-address', [{ kind: 'create' }, { kind: 'set-aside' }]],
    ['auto-creation-disabled', edit('auto-creation-on')],
    ['studio-flow-missing', edit('studio-flow')],
    ['studio-flow-unpublished', edit('studio-flow')],
    ['studio-flow-no-conversation-trigger', edit('studio-flow')],
    ['studio-flow-no-send-to-flex', edit('studio-flow')],
    ['default-integration', edit('studio-flow')],
    ['webhook-url-empty', edit('webhook-url')],
    ['built-in-webhook-filter-missing', edit('built-in-webhook')],
    ['service-not-flex', edit('flex-service')],
    ['sms-url-set', [{ kind: 'clear-inbound', field: 'smsUrl' }]],
    ['sms-application-set', [{ kind: 'clear-inbound', field: 'smsApplicationSid' }]],
    ['in-messaging-service', [{ kind: 'set-aside' }]],
    ['legacy-flex-flow', [{ kind: 'migrate', flexFlowSid: FLOW, name: 'Old' }]],
    ['sender-not-online', []],
    ['sender-in-review', []],
    ['studio-flow-unchecked', []],
    ['webhook-unchecked', []],
    ['not-checked', []],
  ])('%s', (code, fixes) => {
    expect(one(of(code))).toEqual(fixes);
  });

  test("on the account's default service: the address's service, or the account's default", () => {
    const onDefault = finding('service-not-flex', 'broken', 'MessagingSetupFindingDefaultServiceNotFlex');
    expect(one(onDefault)).toEqual([...edit('flex-service'), { kind: 'fix-default-service' }]);
  });

  test("without an address, a number's own handler is its route: the address first, or set aside", () => {
    const noAddress = subject({ hasAddress: false });
    expect(one(of('sms-url-set'), noAddress)).toEqual([{ kind: 'create' }, { kind: 'set-aside' }]);
    expect(one(of('sms-application-set'), noAddress)).toEqual([{ kind: 'create' }, { kind: 'set-aside' }]);
  });

  test('a legacy Flex Flow holding a row with no address is migrated, not replaced by a new address', () => {
    const [noAddress, held] = fixesFor([of('no-address'), of('legacy-flex-flow')], subject({ hasAddress: false }));
    expect(noAddress).toEqual([{ kind: 'migrate', flexFlowSid: FLOW, name: 'Old' }, { kind: 'set-aside' }]);
    expect(held).toEqual([{ kind: 'migrate', flexFlowSid: FLOW, name: 'Old' }]);
  });

  test('a Flex Flow that cannot be migrated is deleted beside an address, and left alone without one', () => {
    const blocked = { migratable: () => false };
    expect(one(of('legacy-flex-flow'), subject(blocked))).toEqual([
      { kind: 'delete-flex-flow', flexFlowSid: FLOW, name: 'Old' },
    ]);
    expect(one(of('legacy-flex-flow'), subject({ ...blocked, hasAddress: false }))).toEqual([]);
    expect(fixesFor([of('no-address'), of('legacy-flex-flow')], subject({ ...blocked, hasAddress: false }))[0]).toEqual(
      [{ kind: 'create' }, { kind: 'set-aside' }],
    );
  });

  test('a row that cannot be set aside (a page, an address, one already set aside) is offered no mark', () => {
    expect(one(of('no-address'), subject({ canSetAside: false }))).toEqual([{ kind: 'create' }]);
    expect(one(of('in-messaging-service'), subject({ canSetAside: false }))).toEqual([]);
  });
});
