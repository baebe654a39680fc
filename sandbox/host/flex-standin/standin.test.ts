import React from 'react';

import { ActionsImpl } from './Actions';
import { DynamicContentStore } from './DynamicContentStore';
import { NotificationManager, NotificationType } from './Notifications';
import { compileTemplate } from './templates';

interface NavProps {
  activeView?: string;
}

const link = (key: string) => React.createElement('button', { key }, key);
const keysOf = (elements: React.ReactElement[]) => elements.map((element) => element.key);

describe('DynamicContentStore (Flex stand-in)', () => {
  it('places fragments by sortOrder and align, removes by key, and honours `if`', () => {
    const store = new DynamicContentStore<NavProps>('SideNav');
    const defaults = [link('agent-desktop'), link('teams')];
    store.add(link('end'));
    store.add(link('first'), { sortOrder: 0 });
    store.add(link('start'), { align: 'start' });
    store.add(link('only-on-teams'), { if: (props) => props.activeView === 'teams' });
    const undoRemove = store.remove('teams', { if: (props) => props.activeView !== 'teams' });

    expect(keysOf(store.resolve(defaults, { activeView: 'agent-desktop' }))).toEqual([
      'start',
      'first',
      'agent-desktop',
      'end',
    ]);
    expect(keysOf(store.resolve(defaults, { activeView: 'teams' }))).toEqual([
      'start',
      'first',
      'agent-desktop',
      'teams',
      'end',
      'only-on-teams',
    ]);
    undoRemove();
    expect(keysOf(store.resolve(defaults, {}))).toContain('teams');
  });

  it('gives children the component props unless noChildProps, their own props winning', () => {
    const store = new DynamicContentStore<NavProps>('SideNav');
    store.add(React.createElement('span', { key: 'a', activeView: 'own' }));
    store.add(React.createElement('span', { key: 'b' }));
    store.add(React.createElement('span', { key: 'c' }), { noChildProps: true });
    const [a, b, c] = store.resolve([], { activeView: 'injected' });
    expect(a.props).toMatchObject({ activeView: 'own' });
    expect(b.props).toMatchObject({ activeView: 'injected' });
    expect(c.props).not.toHaveProperty('activeView');
  });

  it('replace() shows only the replacing fragments; the cleanup function undoes an add', () => {
    const store = new DynamicContentStore<NavProps>('SideNav');
    const undo = store.replace(link('custom'));
    expect(keysOf(store.resolve([link('default')], {}))).toEqual(['custom']);
    undo();
    expect(keysOf(store.resolve([link('default')], {}))).toEqual(['default']);
  });

  it('notifies subscribers on every change', () => {
    const store = new DynamicContentStore<NavProps>('SideNav');
    const listener = jest.fn();
    store.subscribe(listener);
    store.add(link('x'))();
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe('Actions (Flex stand-in)', () => {
  it('runs before-listeners, replacements (last first) and after-listeners in order', async () => {
    const actions = new ActionsImpl();
    const calls: string[] = [];
    actions.registerAction('Go', async (payload) => {
      calls.push(`action:${JSON.stringify(payload)}`);
      return 'done';
    });
    actions.addListener('beforeGo', () => void calls.push('before'));
    actions.addListener('afterGo', () => void calls.push('after'));
    actions.replaceAction('Go', async (payload, original) => {
      calls.push('first replacement');
      return original(payload);
    });
    actions.replaceAction('Go', async (payload, _original, next) => {
      calls.push('second replacement');
      return next?.(payload);
    });
    await expect(actions.invokeAction('Go', { to: 'x' })).resolves.toBe('done');
    expect(calls).toEqual(['before', 'second replacement', 'first replacement', 'action:{"to":"x"}', 'after']);
  });

  it('rejects unknown and cancelled actions as Flex does', async () => {
    const actions = new ActionsImpl();
    actions.registerAction('Go', async () => undefined);
    actions.addListener('beforeGo', (_payload, cancel) => cancel());
    await expect(actions.invokeAction('Nope')).rejects.toThrow('Action Nope does not exist!');
    await expect(actions.invokeAction('Go')).rejects.toThrow('Action Go cancelled by before event');
  });
});

describe('Notifications (Flex stand-in)', () => {
  it('registers once, shows instances with their context, dismisses by id', () => {
    const notifications = new NotificationManager();
    notifications.registerNotification({
      id: 'Saved',
      content: 'SavedTemplate',
      type: NotificationType.success,
      timeout: 0,
    });
    expect(() => notifications.registerNotification({ id: 'Saved' })).toThrow('already registered');
    expect(notifications.registeredNotifications.get('Saved')?.closeButton).toBe(true);

    const shown = notifications.showNotification('Saved', { count: 2 });
    expect(shown).toMatchObject({ id: 'Saved', context: { count: 2 } });
    expect(notifications.isNotificationActive('Saved')).toBe(true);
    notifications.dismissNotificationById('Saved');
    expect(notifications.activeNotifications).toHaveLength(0);
  });

  it('lets beforeAddNotification listeners cancel, and answers null for unknown ids', () => {
    const notifications = new NotificationManager();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    notifications.registerNotification({ id: 'Muted', content: 'x', timeout: 0 });
    notifications.addListener('beforeAddNotification', (_notification, cancel) => cancel());
    expect(notifications.showNotification('Muted')).toBeNull();
    expect(notifications.showNotification('Unknown')).toBeNull();
    warn.mockRestore();
  });
});

describe('templates (Flex stand-in)', () => {
  it('substitutes {{name}}, {{{name}}} and dotted paths; missing values become empty', () => {
    expect(compileTemplate('Saved {{count}} for {{{who.name}}}{{missing}}.')({ count: 3, who: { name: 'Owl' } })).toBe(
      'Saved 3 for Owl.',
    );
  });
});
