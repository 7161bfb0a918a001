/** GOV.UK notification banner: `important` (neutral) or `success` (after an action). */
import type { ComponentChildren } from 'preact';

export function NotificationBanner(props: {
  type?: 'important' | 'success';
  title?: string;
  children: ComponentChildren;
}) {
  const success = props.type === 'success';
  return (
    <div
      class={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`}
      role={success ? 'alert' : 'region'}
      aria-labelledby="notification-banner-title"
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="notification-banner-title">
          {props.title ?? (success ? 'Success' : 'Important')}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">{props.children}</div>
    </div>
  );
}
