/**
 * Message correlation as Camunda 7 does it: waiting executions first (intermediate catch,
 * boundary, event sub-process and event-gateway subscriptions), then message start events of
 * the latest definitions. Without `all`, exactly one match is required. All correlations of one
 * call commit together.
 */
import type { CorrelateMessageInput, MessageCorrelationResult } from '../../port.js';
import { InvalidRequestError } from '../../errors/invalid-request-error.js';
import type { EngineCore } from '../core.js';
import { MismatchingMessageCorrelationError } from '../errors/mismatching-message-correlation-error.js';
import type { LoadedDefinition } from '../model/model-cache.js';
import { StepEffects } from '../runtime/context.js';
import { runStep } from '../runtime/run-step.js';
import { startInstance } from '../runtime/start.js';
import { fire } from '../runtime/subscriptions.js';
import { instanceScope, scopeChain, setVariables, visibleVariables } from '../runtime/variables.js';
import type { SubscriptionRow } from '../store/rows.js';
import { validateVariables } from '../values/validate-variables.js';
import { toInstance } from './mappers.js';
import { matchingStarts, matchingSubscriptions, type StartMatch } from './message-matching.js';

export class MessageService {
  constructor(private readonly core: EngineCore) {}

  async correlateMessage(input: CorrelateMessageInput): Promise<MessageCorrelationResult[]> {
    if (!input.messageName) throw new InvalidRequestError('No message name supplied', 'messageName');
    validateVariables(input.processVariables, 'processVariables');
    validateVariables(input.correlationKeys, 'correlationKeys');
    return this.core.track(async () => {
      const { subscriptions, starts } = this.matches(input);
      const models = await this.loadModels(subscriptions, starts);
      const effects = new StepEffects();
      const results = this.core.store.transaction(() => {
        const delivered = subscriptions.map((s) => this.deliver(input, s, models, effects));
        // A racing call consumed the one matching subscription while this one loaded models.
        if (!input.all && delivered.includes(null)) throw noMatch(input);
        return [...delivered, ...starts.map((s) => this.start(input, s, models, effects))];
      });
      this.core.publish(effects);
      return results.filter((r): r is MessageCorrelationResult => r !== null);
    });
  }

  private matches(input: CorrelateMessageInput): { subscriptions: SubscriptionRow[]; starts: StartMatch[] } {
    const subscriptions = matchingSubscriptions(this.core.store, input);
    const startsAllowed = !input.processInstanceId && (input.all || subscriptions.length === 0);
    const starts = startsAllowed ? matchingStarts(this.core.store, input.messageName) : [];
    if (input.all) return { subscriptions, starts };
    const total = subscriptions.length + starts.length;
    if (total === 0) throw noMatch(input);
    if (total > 1) {
      throw new MismatchingMessageCorrelationError(
        `ENGINE-13031 Cannot correlate a message with name '${input.messageName}' to a single execution. ` +
          `${total} executions match the correlation keys: ${correlationSet(input)}`,
      );
    }
    return { subscriptions, starts };
  }

  private async loadModels(
    subscriptions: SubscriptionRow[],
    starts: StartMatch[],
  ): Promise<Map<string, LoadedDefinition>> {
    const models = new Map<string, LoadedDefinition>();
    for (const s of subscriptions) {
      const loaded = await this.core.definitionOf(s.process_instance_id);
      models.set(s.process_instance_id, loaded);
    }
    for (const s of starts) models.set(s.definition_id, await this.core.ctx.models.ensure(s.definition_id));
    return models;
  }

  private deliver(
    input: CorrelateMessageInput,
    subscription: SubscriptionRow,
    models: Map<string, LoadedDefinition>,
    effects: StepEffects,
  ): MessageCorrelationResult | null {
    const { store } = this.core;
    if (!store.sql('SELECT 1 FROM message_subscription WHERE id = ?').get(subscription.id)) return null;
    const loaded = models.get(subscription.process_instance_id)!;
    const outcome = runStep(this.core.ctx, subscription.process_instance_id, loaded, (step) => {
      const owner = step.instance.activities.get(subscription.owner_id) ?? null;
      const chain = scopeChain(step.instance, owner);
      setVariables(step, chain, input.processVariables);
      // Non-interrupting boundary and event sub-process triggers stay armed for the next message.
      const event = step.instance.node(subscription.element_id);
      const repeats =
        subscription.kind === 'eventSubProcess' ||
        (subscription.kind === 'boundary' && event.info.cancelActivity === false);
      if (!repeats) step.store.sql('DELETE FROM message_subscription WHERE id = ?').run(subscription.id);
      const executionId = owner?.execution_id ?? step.instance.id;
      fire(step, {
        kind: subscription.kind,
        ownerId: subscription.owner_id,
        elementId: subscription.element_id,
      });
      return { executionId, chain, instance: step.instance };
    });
    effects.merge(outcome.effects);
    const { executionId, chain, instance } = outcome.result;
    const result: MessageCorrelationResult = {
      resultType: 'Execution',
      processInstance: null,
      execution: { id: executionId, processInstanceId: instance.id, ended: instance.ended, tenantId: null },
    };
    if (input.variablesInResultEnabled && !instance.ended)
      result.variables = visibleVariables(store, chain.slice(-1));
    return result;
  }

  private start(
    input: CorrelateMessageInput,
    match: StartMatch,
    models: Map<string, LoadedDefinition>,
    effects: StepEffects,
  ): MessageCorrelationResult {
    const loaded = models.get(match.definition_id)!;
    const start = loaded.model.nodes.get(match.element_id)!;
    const outcome = startInstance(this.core.ctx, loaded, {
      businessKey: input.businessKey ?? null,
      variables: input.processVariables,
      start,
    });
    effects.merge(outcome.effects);
    const instance = outcome.result;
    const result: MessageCorrelationResult = {
      resultType: 'ProcessDefinition',
      processInstance: toInstance(instance.row, instance.ended),
      execution: null,
    };
    if (input.variablesInResultEnabled && !instance.ended) {
      result.variables = visibleVariables(this.core.store, [instanceScope(instance.id)]);
    }
    return result;
  }
}

function noMatch(input: CorrelateMessageInput): MismatchingMessageCorrelationError {
  return new MismatchingMessageCorrelationError(
    `Cannot correlate message '${input.messageName}': No process definition or execution matches the parameters`,
  );
}

/** Camunda's rendering of the correlation criteria in its mismatch message. */
function correlationSet(input: CorrelateMessageInput): string {
  const keys = input.correlationKeys
    ? `{${Object.entries(input.correlationKeys)
        .map(([k, v]) => `${k}=${String(v.value)}`)
        .join(', ')}}`
    : 'null';
  return (
    `CorrelationSet [businessKey=${input.businessKey ?? 'null'}, processInstanceId=${input.processInstanceId ?? 'null'}, ` +
    `processDefinitionId=null, correlationKeys=${keys}, localCorrelationKeys=null, tenantId=null, isTenantIdSet=false]`
  );
}
