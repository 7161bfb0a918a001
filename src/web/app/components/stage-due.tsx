/** A stage's deadline: the date, and the "Overdue" tag when it has passed. */
import { formatDateTime } from '../format.js';
import { OverdueTag } from './tags.js';

export function StageDue({ due, overdue }: { due: string | null; overdue: boolean }) {
  if (!due) return <>No deadline</>;
  return (
    <>
      {overdue && (
        <>
          <OverdueTag />{' '}
        </>
      )}
      <span>{overdue ? `was due ${formatDateTime(due)}` : `due ${formatDateTime(due)}`}</span>
    </>
  );
}
