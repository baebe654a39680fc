import React from 'react';

import { Notifications, NotificationType, type Notification } from '../Notifications';
import { Template, templates } from './Template';
import { useObservable } from './useObservable';

/** As Flex's NotificationBar: a strings key renders its template, an element gets the context. */
function renderContent(notification: Notification): React.ReactNode {
  const { content, context } = notification;
  if (!content) return null;
  if (typeof content === 'string' && templates[content]) return <Template source={templates[content]} {...context} />;
  if (React.isValidElement(content))
    return React.cloneElement(content, { ...content.props, notificationContext: context });
  return content;
}

const LABELS: Record<NotificationType, string> = {
  [NotificationType.information]: 'Information',
  [NotificationType.success]: 'Success',
  [NotificationType.warning]: 'Warning',
  [NotificationType.error]: 'Error',
};

export function NotificationBar() {
  useObservable(Notifications);
  const shown = Notifications.activeNotifications.filter((notification) => notification.content);
  return (
    <div className="Twilio-NotificationBar">
      {shown.map((notification) => {
        const type = notification.type ?? NotificationType.information;
        const urgent = type === NotificationType.error || type === NotificationType.warning;
        return (
          <div
            key={notification.instanceId}
            role={urgent ? 'alert' : 'status'}
            className={`Twilio-Notification Twilio-Notification-${type}`}
            data-notification-id={notification.id}
            style={notification.backgroundColor ? { background: notification.backgroundColor } : undefined}
            onClick={notification.onClick}
          >
            <span className="Twilio-Notification-Type">{LABELS[type]}</span>
            <span className="Twilio-Notification-Content">{renderContent(notification)}</span>
            {notification.actions && notification.actions.length > 0 && (
              <span className="Twilio-Notification-Actions">
                {notification.actions.map((action, index) => React.cloneElement(action, { key: action.key ?? index }))}
              </span>
            )}
            {notification.closeButton && (
              <button
                type="button"
                className="Twilio-Notification-Close"
                aria-label="Close notification"
                onClick={(event) => {
                  event.stopPropagation();
                  Notifications.dismissNotification(notification);
                }}
              >
                ×
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}
