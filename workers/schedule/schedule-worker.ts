/**
 * `escalation-schedule`: works out a stage's deadline from the task's `timescale` property with the
 * partnership's working-day calendar, and completes the task with the Date variable named by its
 * `dueVariable` property plus `<dueVariable>Explanation` (the explanation's lines as text). It counts
 * from the task's creation time, so a redelivered task gets the same deadline. An invalid
 * timescale is an incident quoting it.
 */
import { CalendarError, dueFor } from '../../src/calendar/index.js';
import type { Clock } from '../../src/clock/clock.js';
import { DUE_VARIABLE } from '../../processes/variables.js';
import { PermanentError } from '../runtime/errors/permanent-error.js';
import { complete, type TopicWorker } from '../runtime/topic-worker.js';
import type { Calendars } from './calendars.js';

export interface ScheduleWorkerDependencies {
  calendars: Calendars;
  /** Only when the engine does not say when it created the task (older Camunda 7 releases). */
  clock: Clock;
}

export function createScheduleWorker({ calendars, clock }: ScheduleWorkerDependencies): TopicWorker {
  return {
    topic: 'escalation-schedule',
    fetch: { includeExtensionProperties: true },
    async handle(task) {
      const timescale = task.property('timescale');
      const dueVariable = task.property('dueVariable');
      if (!DUE_VARIABLE.test(dueVariable)) {
        throw new PermanentError(
          `dueVariable "${dueVariable}" on ${task.activityId} is not a camelCase name ending in Due`,
          'INVALID_DUE_VARIABLE',
        );
      }
      const partnership = task.text('partnership');
      const calendar = calendars.get(partnership);
      if (!calendar) throw new PermanentError(`unknown partnership "${partnership}"`, 'UNKNOWN_PARTNERSHIP');
      let result;
      try {
        result = dueFor(timescale, {
          from: task.createdAt ?? new Date(clock.now()),
          raised: task.optionalDate('raisedAt'),
          division: calendar.division,
          holidays: calendar.holidays,
        });
      } catch (error) {
        if (error instanceof CalendarError)
          throw new PermanentError(
            `timescale "${timescale}" on ${task.activityId}: ${error.message}`,
            error.code,
          );
        throw error;
      }
      return complete({
        [dueVariable]: { type: 'Date', value: result.due },
        [`${dueVariable}Explanation`]: { type: 'String', value: result.explanation.join('\n') },
      });
    },
  };
}
