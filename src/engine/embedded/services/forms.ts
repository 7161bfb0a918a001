/** Resolving a user task's `camunda:formRef` (or `camunda-forms:deployment:` form key) to the deployed form. */
import { NotFoundError } from '../../errors/not-found-error.js';
import type { UserTask } from '../../port.js';
import type { Store } from '../store/database.js';

interface FormRow {
  name: string;
  content: Buffer;
}

const DEPLOYMENT_KEY = 'camunda-forms:deployment:';

export function deployedForm(
  store: Store,
  task: UserTask,
  deploymentId: string,
): { content: Buffer; name: string } {
  const ref = task.camundaFormRef;
  let row: FormRow | undefined;
  if (ref?.binding === 'deployment') {
    row = store
      .sql("SELECT name, content FROM resource WHERE kind = 'form' AND form_id = ? AND deployment_id = ?")
      .get(ref.key, deploymentId) as FormRow | undefined;
  } else if (ref?.binding === 'version') {
    row = store
      .sql(
        `SELECT r.name, r.content FROM resource r JOIN deployment d ON d.id = r.deployment_id
          WHERE r.kind = 'form' AND r.form_id = ? ORDER BY d.deploy_time, d.rowid LIMIT 1 OFFSET ?`,
      )
      .get(ref.key, Math.max(0, (ref.version ?? 1) - 1)) as FormRow | undefined;
  } else if (ref) {
    row = store
      .sql(
        `SELECT r.name, r.content FROM resource r JOIN deployment d ON d.id = r.deployment_id
          WHERE r.kind = 'form' AND r.form_id = ? ORDER BY d.deploy_time DESC, d.rowid DESC LIMIT 1`,
      )
      .get(ref.key) as FormRow | undefined;
  } else if (task.formKey?.startsWith(DEPLOYMENT_KEY)) {
    row = store
      .sql('SELECT name, content FROM resource WHERE deployment_id = ? AND name = ?')
      .get(deploymentId, task.formKey.slice(DEPLOYMENT_KEY.length)) as FormRow | undefined;
  }
  if (!row) throw new NotFoundError(`No deployed form for task ${task.id}`);
  return row;
}
