/**
 * `POST /escalations/:id/serious-concern`: log a matter of serious concern with the Chair of the
 * QA&P Sub Group, at any level of a Wiltshire escalation. "there will be some cases which raise
 * matters of such potentially serious concern that they should be automatically logged with the
 * Chair of the WSCB QA&P Sub Group. He/she will make a decision about whether the issues require a
 * broader deep dive and investigation" (WSCB protocol on resolving significant case disagreements,
 * §3.1(a)). The diagram catches the message `serious-concern` in a non-interrupting event
 * sub-process: the concern is recorded for the QA&P overview, the Chair is told and asked to decide
 * on a deep dive, and the level in progress carries on.
 *
 * Who may: the protocol names no one in particular, so anyone acting on the disagreement. That is
 * the professional who raised it and either party's own people at every level ("the agencies
 * concerned", §3.1(c); "professional to professional ... manager to manager ... up the hierarchies",
 * §2.5), and the partnership's own people, whose independence the protocol asks to use to identify
 * inter-agency difference (conference chairs, §2.7; the Independent Chair, §2.3). Someone who can
 * see the escalation only because a notice reached them is not acting on it: 403.
 *
 * 409, saying why in plain words and changing nothing: the escalation's diagram has no such path
 * (every procedure but Wiltshire's), the escalation has ended, or a concern is already with the
 * Chair awaiting the deep-dive decision. Checked in that order before the one write, the engine's
 * correlation (which carries who acted); the audit entry follows it.
 */
import type { Request } from 'express';
import { z } from 'zod';
import { isParty } from '../../access/access-rule.js';
import { EngineError } from '../../engine/errors/index.js';
import { createModdle, type ModdleTree } from '../../../processes/bpmn-moddle.js';
import { toStageVariableMap } from '../../../processes/variables.js';
import { conflict, forbidden } from '../http/problem.js';
import type { RouteRegistry } from '../openapi/registry.js';
import type { ApiDependencies } from '../deps.js';
import { actorVariables } from './actor.js';
import { audited } from './audited.js';
import { escalationIdParam } from './detail.js';
import { visibleEscalation, type VisibleEscalation } from './visible.js';

const MESSAGE = 'serious-concern';
const ACTION = 'escalation.serious-concern';
/** Wiltshire's event sub-process that logs the concern and holds the Chair's deep-dive decision. */
const LOGGED_SUBPROCESS = 'SeriousConcern';

const accepted = z.object({ id: z.string(), action: z.literal(MESSAGE), detail: z.string() });

const ENDED =
  'This escalation has ended, so there is no level left to log the concern from. Contact the Chair of the ' +
  'QA&P Sub Group through the partnership’s business office directly; if a child is at immediate risk of ' +
  'significant harm, act now under your child protection procedures.';
const ALREADY =
  'A serious concern about this escalation is already logged with the Chair of the QA&P Sub Group, who is ' +
  'deciding whether a broader deep dive is needed. Nothing more was logged.';

export function registerSeriousConcern(api: RouteRegistry, deps: ApiDependencies): void {
  const hasPath = messageStartCache(deps);
  api.add({
    method: 'post',
    path: '/escalations/:id/serious-concern',
    summary:
      'Log a matter of serious concern with the QA&P Sub Group Chair (Wiltshire, any level; the escalation carries on)',
    tag: 'Escalations',
    params: escalationIdParam,
    responses: {
      202: {
        description: 'Logged: the Chair is told and decides on a deep dive; the level carries on',
        schema: accepted,
      },
      403: {
        description: 'You may see it, but only its parties and the partnership’s own people log a concern',
      },
      404: { description: 'Not an escalation you can see' },
      409: {
        description:
          'Its procedure has no such path, it has ended, or a concern is already with the Chair (the answer says which)',
      },
    },
    handler: async ({ params: p }, req, res) => {
      const visible = visibleEscalation(deps, req, p.id, ACTION);
      await audited(deps, req, ACTION, p.id, null, () => logConcern(deps, req, visible, hasPath));
      res.status(202);
      return {
        id: p.id,
        action: MESSAGE,
        detail:
          'Logged with the Chair of the QA&P Sub Group, who decides whether a broader deep dive is needed; the escalation carries on.',
      };
    },
  });
}

async function logConcern(
  deps: ApiDependencies,
  req: Request,
  visible: VisibleEscalation,
  hasPath: (processInstanceId: string) => Promise<boolean>,
): Promise<void> {
  const { escalation, access } = visible;
  if (!(await hasPath(escalation.processInstanceId))) {
    const name = deps.partnerships.get(escalation.partnership)?.settings.name ?? escalation.partnership;
    throw conflict(
      `${name}’s procedure has no step for logging a serious concern with a QA&P Chair (that is Wiltshire’s ` +
        'protocol, §3.1(a)). Take the concern up through this escalation’s stages, or report immediate risk.',
    );
  }
  if (!mayLog(deps, req, visible))
    throw forbidden(
      'Only the parties to this escalation and the partnership’s own people may log a serious concern about it.',
    );
  const processInstanceId = escalation.processInstanceId;
  const status = deps.stores.escalations.get(escalation.id)?.status ?? escalation.status;
  const running =
    status === 'open' &&
    (await deps.engine.countProcessInstances({ processInstanceIds: [processInstanceId] })) > 0;
  if (!running) throw conflict(ENDED);
  const logged = await deps.engine.listHistoricActivityInstances({
    processInstanceId,
    activityId: LOGGED_SUBPROCESS,
    unfinished: true,
  });
  if (logged.length > 0) throw conflict(ALREADY);
  const actor = actorVariables(req.principal!, escalation, access, deps.roles);
  try {
    await deps.engine.correlateMessage({
      messageName: MESSAGE,
      processInstanceId,
      processVariables: toStageVariableMap(actor),
    });
  } catch (error) {
    // No waiting subscription: the escalation ended since the check; nothing changed.
    if (error instanceof EngineError && (error.httpStatus === 400 || error.httpStatus === 404))
      throw conflict(ENDED);
    throw error;
  }
}

/** The raiser, a member of either party, or a holder of one of the partnership's own roles. */
function mayLog(deps: ApiDependencies, req: Request, { escalation, access }: VisibleEscalation): boolean {
  const p = req.principal!;
  if (p.username === escalation.raisedBy) return true;
  const m = p.memberships.find((x) => x.partnership === escalation.partnership);
  if (!m) return false;
  if (isParty(m, access.raisedByParty) || isParty(m, access.otherParty)) return true;
  const roles = deps.roles(escalation.partnership)?.roles ?? [];
  return m.roles.some((r) => roles.find((x) => x.role === r)?.scope === 'partnership');
}

/**
 * Whether the diagram version a process instance runs on starts an event sub-process on the
 * message `serious-concern`: read from the engine's own deployed XML (embedded, or ENGINE_URL),
 * once per process definition.
 */
function messageStartCache(deps: ApiDependencies): (processInstanceId: string) => Promise<boolean> {
  const byDefinition = new Map<string, Promise<boolean>>();
  return async (processInstanceId) => {
    const [instance] = await deps.engine.listHistoricProcessInstances({ processInstanceId });
    if (!instance) return false;
    const id = instance.processDefinitionId;
    let answer = byDefinition.get(id);
    if (!answer) {
      answer = deps.engine
        .getProcessDefinitionXml(id)
        .then(async (xml) => startsOnMessage((await createModdle().fromXML(xml)).rootElement, MESSAGE));
      byDefinition.set(id, answer);
      // A failed read is not remembered: the next request asks the engine again.
      answer.catch(() => byDefinition.delete(id));
    }
    return answer;
  };
}

/** Whether any start event in the definitions (event sub-processes included) catches the message. */
function startsOnMessage(element: ModdleTree, messageName: string): boolean {
  const children: ModdleTree[] = [...(element.rootElements ?? []), ...(element.flowElements ?? [])];
  return children.some(
    (child) =>
      (child.$type === 'bpmn:StartEvent' &&
        (child.eventDefinitions ?? []).some(
          (d: ModdleTree) => d.$type === 'bpmn:MessageEventDefinition' && d.messageRef?.name === messageName,
        )) ||
      startsOnMessage(child, messageName),
  );
}
