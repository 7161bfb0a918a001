/**
 * The message templates (nunjucks, `templates/<name>.njk`). Each template fills three blocks,
 * `subject`, `heading` and `body`, into two layouts: the HTML part is rendered with auto-escaping
 * on, the text part with it off, from the same context. The context holds only the case
 * reference, the partnership, the stage, the reader's role title, the deadline with its
 * explanation and the link: no child's details and no free text typed by a user can reach a
 * message, whatever a template says.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { PermanentError } from '../runtime/errors/permanent-error.js';

export const TEMPLATES_DIR = join(import.meta.dirname, 'templates');
const SUBJECT_END = '~~~~subject-end~~~~';

/** Everything a template may use. */
export interface MessageContext {
  caseReference: string;
  partnershipName: string;
  /** The stage as people see it: `Stage 2`, or a named step; null when the notice has none. */
  stageLabel: string | null;
  /** The reader's role title in their agency, e.g. `Designated Safeguarding Lead`. */
  roleTitle: string;
  due: { london: string; iso: string } | null;
  dueExplanation: readonly string[];
  /** `PUBLIC_URL/escalations/<escalationId>`. */
  link: string;
  /** For a document-ready notice: the document's title. */
  documentTitle: string | null;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

export class Templates {
  private readonly html: nunjucks.Environment;
  private readonly text: nunjucks.Environment;
  readonly names: ReadonlySet<string>;

  constructor(dir: string = TEMPLATES_DIR) {
    const loader = () => new nunjucks.FileSystemLoader(dir, { noCache: false });
    this.html = new nunjucks.Environment(loader(), {
      autoescape: true,
      throwOnUndefined: true,
      trimBlocks: true,
      lstripBlocks: true,
    });
    this.text = new nunjucks.Environment(loader(), {
      autoescape: false,
      throwOnUndefined: true,
      trimBlocks: true,
      lstripBlocks: true,
    });
    this.names = new Set(
      existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => f.endsWith('.njk') && !f.startsWith('_'))
            .map((f) => f.slice(0, -'.njk'.length))
        : [],
    );
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  /** @throws PermanentError for an unknown template. */
  render(name: string, context: MessageContext): RenderedMessage {
    if (!this.has(name)) throw new PermanentError(`unknown message template "${name}"`, 'UNKNOWN_TEMPLATE');
    const text = this.text.render(`${name}.njk`, { ...context, layout: '_layout.text.njk' });
    const html = this.html.render(`${name}.njk`, { ...context, layout: '_layout.html.njk' });
    const at = text.indexOf(SUBJECT_END);
    return {
      subject: text.slice(0, at).replace(/\s+/g, ' ').trim(),
      text: text
        .slice(at + SUBJECT_END.length)
        .replace(/^\s*\n/, '')
        .replace(/\n{3,}/g, '\n\n'),
      html,
    };
  }
}
