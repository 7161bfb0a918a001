/** GOV.UK tags for statuses; "Overdue" is a word and a heavy border, never colour alone. */
import type { ComponentChildren } from 'preact';
import type { EscalationStatus } from '../api/types.js';

export type TagColour =
  'grey' | 'green' | 'turquoise' | 'blue' | 'light-blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

export function Tag({
  colour,
  children,
  extra,
}: {
  colour?: TagColour;
  children: ComponentChildren;
  extra?: string;
}) {
  return (
    <strong class={`govuk-tag${colour ? ` govuk-tag--${colour}` : ''}${extra ? ` ${extra}` : ''}`}>
      {children}
    </strong>
  );
}

const STATUS: Record<EscalationStatus, [string, TagColour]> = {
  open: ['Open', 'blue'],
  resolved: ['Resolved', 'green'],
  'closed-unresolved': ['Closed unresolved', 'orange'],
  withdrawn: ['Withdrawn', 'grey'],
};

export function StatusTag({ status }: { status: EscalationStatus }) {
  const [text, colour] = STATUS[status];
  return <Tag colour={colour}>{text}</Tag>;
}

export const STATUS_TEXT: Record<EscalationStatus, string> = Object.fromEntries(
  Object.entries(STATUS).map(([k, [text]]) => [k, text]),
) as Record<EscalationStatus, string>;

export function OverdueTag() {
  return (
    <Tag colour="red" extra="app-tag--overdue">
      Overdue
    </Tag>
  );
}
