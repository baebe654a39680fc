import { diagnosisOf, finding, type Finding } from './diagnose';
import { rowActionsOf } from './rowActions';

const FLOW = 'FO00000000000000000000000000000001';
const noAddress = finding('no-address', 'broken', 'MessagingSetupFindingNoAddress', { label: '+14155550102' });
const heldByFlow: Finding = {
  ...finding('legacy-flex-flow', 'warning', 'MessagingSetupFindingLegacyFlexFlow', { name: 'Sales SMS Flow' }),
  flexFlowSid: FLOW,
};
const flowMissing = finding('studio-flow-missing', 'broken', 'MessagingSetupFindingFlowMissing', { sid: 'FW1' });
const migratable = () => true;
const blocked = () => false;

test('a number without an address that a Flex Flow holds: Migrate, when the flow can be migrated', () => {
  const diagnosis = diagnosisOf([noAddress, heldByFlow]);
  expect(rowActionsOf(diagnosis, { hasAddress: false, migratable })).toEqual({
    primary: 'migrate',
    migrateFlexFlowSid: FLOW,
  });
  // A flow that cannot be migrated is no button of the row: the address comes first.
  expect(rowActionsOf(diagnosis, { hasAddress: false, migratable: blocked })).toEqual({
    primary: 'create',
    migrateFlexFlowSid: undefined,
  });
});

test('an address that routes nowhere is edited first; the flow beside it stays to migrate', () => {
  const diagnosis = diagnosisOf([flowMissing, heldByFlow]);
  expect(rowActionsOf(diagnosis, { hasAddress: true, migratable })).toEqual({
    primary: 'edit',
    migrateFlexFlowSid: FLOW,
  });
  expect(rowActionsOf(diagnosisOf([heldByFlow]), { hasAddress: true, migratable }).primary).toBe('migrate');
  expect(rowActionsOf(diagnosisOf([]), { hasAddress: true, migratable }).primary).toBeUndefined();
});

test('set aside as not for Flex: no primary action; without a diagnosis yet, a row with no address is for creating one', () => {
  const setAside = diagnosisOf([noAddress], {
    channel: 'sms',
    address: '+14155550102',
    reason: 'Marketing texts only',
    by: 'demo.supervisor',
    at: '2026-12-01T10:00:00Z',
  });
  expect(rowActionsOf(setAside, { hasAddress: false, migratable }).primary).toBeUndefined();
  expect(rowActionsOf(undefined, { hasAddress: false, migratable }).primary).toBe('create');
  expect(rowActionsOf(undefined, { hasAddress: true, migratable }).primary).toBeUndefined();
});
