/**
 * `@twilio/flex-ui` for the plugin's unit tests. The real package is browser-only and heavy, so
 * tests map it (jest.mock) to the local sandbox's Flex stand-in, which implements the part of Flex
 * the plugin uses with flex-ui's names and semantics. Each test gets fresh registries (side nav,
 * views, notifications) so registrations do not leak from one test into the next.
 */
import type * as Flex from '@twilio/flex-ui';

import { DynamicContentStore } from '../../sandbox/host/flex-standin/DynamicContentStore';
import { Flex as StandIn } from '../../sandbox/host/flex-standin/flex';
import { NotificationManager } from '../../sandbox/host/flex-standin/Notifications';

/** What `jest.mock('@twilio/flex-ui', ...)` returns: the stand-in's `Twilio.Flex` namespace. */
export const flexUiModule = StandIn;

export interface FakeFlex {
  /** Handed to the code under test as `typeof Flex`. */
  flex: typeof Flex;
  sideNav: DynamicContentStore<{ activeView?: string; reserveSpace?: boolean }>;
  views: DynamicContentStore<{ activeView?: string }>;
  notifications: NotificationManager;
}

export function createFakeFlex(): FakeFlex {
  const sideNav = new DynamicContentStore<{ activeView?: string; reserveSpace?: boolean }>('SideNav');
  const views = new DynamicContentStore<{ activeView?: string }>('ViewCollection');
  const notifications = new NotificationManager();
  const namespace = {
    ...StandIn,
    Notifications: notifications,
    SideNav: { Content: sideNav },
    ViewCollection: { Content: views },
  };
  return { flex: namespace as unknown as typeof Flex, sideNav, views, notifications };
}

export interface FakeManagerOptions {
  roles?: string[];
  token?: string;
  backendUrl?: string;
  strings?: Record<string, string>;
}

/** The part of Flex's Manager the plugin reads: the user, the account's ui_attributes and strings. */
export function createFakeManager({
  roles = [],
  token = 'flex-user-token',
  backendUrl,
  strings = {},
}: FakeManagerOptions = {}) {
  const manager = {
    strings: { ...strings },
    user: { identity: 'demo.user@owl.example', roles, token, tokenExpirationDate: new Date(Date.now() + 3600_000) },
    serviceConfiguration: {
      account_sid: `AC${'0'.repeat(32)}`,
      ui_attributes: backendUrl ? { messagingSetup: { backendUrl } } : {},
    },
  };
  return manager as typeof manager & Flex.Manager;
}
