/** zod schemas of the external-task request bodies (Camunda's DTOs, field for field). */
import { z } from 'zod';

const int = z.number().int();
const nullableString = z.string().nullish();
const variables = z.record(z.string(), z.unknown()).nullish();

export const MAX_ASYNC_RESPONSE_TIMEOUT = 1_800_000;

export const fetchTopic = z.object({
  topicName: z.string().min(1),
  lockDuration: int.positive(),
  variables: z.array(z.string()).nullish(),
  localVariables: z.boolean().nullish(),
  businessKey: nullableString,
  processDefinitionId: nullableString,
  processDefinitionIdIn: z.array(z.string()).nullish(),
  processDefinitionKey: nullableString,
  processDefinitionKeyIn: z.array(z.string()).nullish(),
  processVariables: z.record(z.string(), z.unknown()).nullish(),
  deserializeValues: z.boolean().nullish(),
  includeExtensionProperties: z.boolean().nullish(),
});

export const fetchAndLockBody = z.object({
  workerId: z.string().min(1),
  maxTasks: int.nonnegative().default(0),
  usePriority: z.boolean().nullish(),
  asyncResponseTimeout: int.nonnegative().nullish(),
  includeExtensionProperties: z.boolean().nullish(),
  topics: z.array(fetchTopic).nullish(),
  // Camunda 7.21's fetch sorting; a missing sortOrder is refused there too (NotValidException).
  sorting: z
    .array(z.object({ sortBy: z.literal('createTime'), sortOrder: z.enum(['asc', 'desc']) }))
    .nullish(),
});

export const completeBody = z.object({ workerId: z.string().min(1), variables, localVariables: variables });

export const failureBody = z.object({
  workerId: z.string().min(1),
  errorMessage: nullableString,
  errorDetails: nullableString,
  // Negative retries reach the route, which refuses them in Camunda's words.
  retries: int.default(0),
  retryTimeout: int.nonnegative().default(0),
  variables,
  localVariables: variables,
});

export const bpmnErrorBody = z.object({
  workerId: z.string().min(1),
  errorCode: z.string().min(1),
  errorMessage: nullableString,
  variables,
});

export const extendLockBody = z.object({ workerId: z.string().min(1), newDuration: int.positive() });
export const lockBody = z.object({ workerId: z.string().min(1), lockDuration: int.positive() });
export const retriesBody = z.object({ retries: int.nullish() });
