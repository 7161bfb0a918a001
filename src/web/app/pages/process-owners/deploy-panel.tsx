/**
 * Deploying the edited diagram through `POST /api/v1/deployments`: the button is disabled, with
 * the reason beside it, while the diagram has lint problems, is being checked, or has not changed;
 * the server checks the same rules again, and its 422 problems (or any other refusal) are shown
 * here. After a deployment: the new version, and that running escalations stay on theirs.
 */
import { NotificationBanner } from '../../components/notification-banner.js';
import { PATHS } from '../../route-paths.js';
import { plural } from '../../format.js';
import type { Deployed } from '../../api/process-owners.js';
import type { ApiError } from '../../api/problem.js';

export type DeployState =
  | { status: 'idle' }
  | { status: 'deploying' }
  | { status: 'deployed'; deployed: Deployed }
  | { status: 'refused'; error: ApiError };

export interface DeployPanelProps {
  processKey: string;
  version: number;
  problems: number | null;
  changed: boolean;
  state: DeployState;
  onDeploy: () => void;
}

/** Why Deploy is not possible now, or null. */
export function blockedBecause(p: Pick<DeployPanelProps, 'problems' | 'changed' | 'state'>): string | null {
  if (p.state.status === 'deploying') return 'Deploying…';
  if (p.problems === null) return 'Checking the diagram against the lint rules…';
  if (p.problems > 0)
    return `You cannot deploy while the diagram has ${plural(p.problems, 'problem')}. Fix each one listed under Problems.`;
  if (!p.changed) return 'Nothing has changed yet: edit the diagram to deploy a new version.';
  return null;
}

export function DeployPanel(props: DeployPanelProps) {
  const reason = blockedBecause(props);
  const { state } = props;
  return (
    <section aria-labelledby="deploy-heading">
      <h2 class="govuk-heading-m" id="deploy-heading">
        Deploy
      </h2>
      {state.status === 'deployed' && <Deployed deployed={state.deployed} processKey={props.processKey} />}
      {state.status === 'refused' && <Refused error={state.error} />}
      <p class="govuk-body">
        Deploying makes a new version of {props.processKey}. New escalations use it; escalations already
        running stay on the version they started on.
      </p>
      {reason && (
        <p class="govuk-inset-text" id="deploy-reason">
          {reason}
        </p>
      )}
      <button
        type="button"
        class="govuk-button"
        disabled={reason !== null}
        aria-disabled={reason !== null ? 'true' : undefined}
        aria-describedby={reason ? 'deploy-reason' : undefined}
        onClick={props.onDeploy}
      >
        Deploy
      </button>
    </section>
  );
}

function Deployed({ deployed, processKey }: { deployed: Deployed; processKey: string }) {
  const version = deployed.versions.find((v) => v.key === processKey)?.version;
  return (
    <NotificationBanner type="success" title="Deployed">
      <p class="govuk-notification-banner__heading">
        {version
          ? `Version ${version} of ${processKey} is deployed.`
          : 'Nothing had changed: nothing was deployed.'}
      </p>
      <p class="govuk-body">
        Escalations already running stay on their version.{' '}
        <a class="govuk-notification-banner__link" href={PATHS.diagrams}>
          See the diagrams and their versions
        </a>
      </p>
    </NotificationBanner>
  );
}

function Refused({ error }: { error: ApiError }) {
  const problems = error.problem.errors ?? [];
  return (
    <div class="govuk-error-summary" role="alert" tabIndex={-1}>
      <h3 class="govuk-error-summary__title">The diagram was not deployed</h3>
      <div class="govuk-error-summary__body">
        <p class="govuk-body">{error.problem.detail ?? error.message}</p>
        {problems.length > 0 && (
          <ul class="govuk-list govuk-error-summary__list">
            {problems.map((p, i) => (
              <li key={i}>
                {p.path}: {p.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
