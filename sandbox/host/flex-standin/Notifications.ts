import type React from 'react';

import { Observable } from './observable';

// Names and semantics follow @twilio/flex-ui's flex-ui-core NotificationManager.d.ts.

export enum NotificationType {
  information = 'information',
  success = 'success',
  warning = 'warning',
  error = 'error',
}

export enum NotificationEvent {
  notificationAdded = 'notificationAdded',
  notificationDismissed = 'notificationDismissed',
  beforeAddNotification = 'beforeAddNotification',
}

export interface NotificationContentProps {
  notificationContext?: object;
}

export type NotificationClickFunction = (event: React.MouseEvent) => void;
export type NotificationCancelFunction = () => void;

export interface Notification {
  id: string;
  /** Set on each shown instance. */
  instanceId?: string;
  /**
   * A key of `manager.strings` (rendered as that template with the context), a React element
   * (given `notificationContext`), or text shown as is. Nothing is shown when falsy.
   */
  content?: React.ReactText | React.ReactElement<NotificationContentProps>;
  type?: NotificationType;
  backgroundColor?: string;
  icon?: string;
  /** Milliseconds until the notification dismisses itself; 0 keeps it until closed. */
  timeout?: number;
  closeButton?: boolean;
  onClick?: NotificationClickFunction;
  context?: Record<string, unknown>;
  actions?: React.ReactElement[];
}

export type NotificationEventListener = (notification: Notification, cancel: NotificationCancelFunction) => void;

export class NotificationManager extends Observable {
  static defaultTimeout = 8000;

  readonly registeredNotifications = new Map<string, Notification>();
  readonly activeNotifications: Notification[] = [];
  private readonly listeners = new Map<string, NotificationEventListener[]>();
  private readonly timers = new Map<Notification, ReturnType<typeof setTimeout>>();

  registerNotification(notification: Notification): void {
    if (this.registeredNotifications.has(notification.id)) {
      throw new Error(`Notification ${notification.id} is already registered`);
    }
    this.registeredNotifications.set(notification.id, {
      ...notification,
      timeout: notification.timeout ?? NotificationManager.defaultTimeout,
      closeButton: notification.closeButton ?? true,
    });
  }

  /** Shows an instance of a registered notification; `null` when unknown or cancelled. */
  showNotification(id: string, context?: object): Notification | null {
    const registered = this.registeredNotifications.get(id);
    if (!registered) {
      console.warn(`Attempting to show a notification that has been deleted or hasn't been registered: ${id}`);
      return null;
    }
    const instance: Notification = {
      ...registered,
      context: context as Record<string, unknown> | undefined,
      instanceId: `${id}${Date.now()}`,
    };
    let cancelled = false;
    for (const listener of this.listeners.get(NotificationEvent.beforeAddNotification) ?? []) {
      try {
        listener(instance, () => {
          cancelled = true;
        });
      } catch (error) {
        console.error('Error from beforeAddNotification:', error);
      }
    }
    if (cancelled) return null;

    this.activeNotifications.push(instance);
    if (instance.timeout && instance.timeout > 0) {
      this.timers.set(
        instance,
        setTimeout(() => this.dismissNotification(instance), instance.timeout),
      );
    }
    this.emit(NotificationEvent.notificationAdded, instance);
    this.notify();
    return instance;
  }

  showNotificationSingle(id: string): void {
    if (!this.isNotificationActive(id)) this.showNotification(id);
  }

  dismissNotification(notification: Notification): void {
    const index = this.activeNotifications.indexOf(notification);
    if (index < 0) return;
    this.activeNotifications.splice(index, 1);
    const timer = this.timers.get(notification);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(notification);
    this.emit(NotificationEvent.notificationDismissed, notification);
    this.notify();
  }

  dismissNotificationById(id: string): void {
    this.activeNotifications.filter((n) => n.id === id).forEach((n) => this.dismissNotification(n));
  }

  dismissAll(): void {
    [...this.activeNotifications].forEach((n) => this.dismissNotification(n));
  }

  isNotificationActive(id: string): boolean {
    return this.activeNotifications.some((n) => n.id === id);
  }

  addListener(event: NotificationEvent | string, listener: NotificationEventListener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  removeListener(event: NotificationEvent | string, listener: NotificationEventListener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((registered) => registered !== listener),
    );
    return this;
  }

  private emit(event: NotificationEvent, notification: Notification): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(notification, () => undefined);
      } catch (error) {
        console.error(`Error from ${event}:`, error);
      }
    }
  }
}

export const Notifications = new NotificationManager();
