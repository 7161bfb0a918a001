/**
 * `GET /documents/:id`: a generated document (Appendix A, Appendices 1 and 2, the mediation and
 * partnership reports) as the PDF the form worker rendered, or with `?format=json` its data. Both
 * are sealed at rest in the document store and unsealed only here, after the access rule:
 * - a document of an escalation the user may not see (or no such document) is 404, as everywhere;
 * - a document that prints the child's details (`holdsChildDetails`) is only for those who may read
 *   them (`canReadSubject`: a candidate role of one of its tasks on its side, or a role the procedure
 *   sent documents to); anyone else who sees the escalation gets 403.
 * Every attempt is audited as `document.read` with its outcome; answers are `Cache-Control: no-store`.
 */
import { z } from 'zod';
import type { Request, Response } from 'express';
import { DOCUMENTS } from '../../../forms/documents/index.js';
import { fieldValue } from '../../../forms/documents/document.js';
import type { DocumentInfo } from '../../documents/document-store.js';
import { ApiProblem, forbidden, notFound } from '../http/problem.js';
import type { RouteRegistry } from '../openapi/registry.js';
import type { ApiDependencies } from '../deps.js';
import { audit, visibleEscalation, type VisibleEscalation } from '../escalations/visible.js';
import { mayReadChildDetails } from './child-details.js';
import { instant } from './shapes.js';

const ACTION = 'document.read';

/** The document's data as `?format=json` answers it. */
export const documentJsonSchema = z.object({
  id: z.string(),
  escalationId: z.string(),
  caseReference: z.string(),
  form: z.string(),
  title: z.string(),
  citation: z.string(),
  elementId: z.string().nullable(),
  createdAt: instant,
  holdsChildDetails: z.boolean(),
  fields: z.record(z.string(), fieldValue).describe('Each field of the document by key; null: not recorded'),
  missing: z.array(z.string()).describe('Labels of the fields not recorded ("Not recorded" in the PDF)'),
});

/** Whether a document prints the child's details; a form no longer known is treated as if it did. */
export function holdsChildDetails(form: string): boolean {
  return DOCUMENTS.get(form)?.holdsChildDetails ?? true;
}

export function registerDocuments(api: RouteRegistry, deps: ApiDependencies): void {
  api.add({
    method: 'get',
    path: '/documents/:id',
    summary: 'A generated document: the PDF, or its data with format=json',
    tag: 'Documents',
    params: z.object({ id: z.string().min(1).max(64) }),
    query: z.object({
      format: z.enum(['pdf', 'json']).default('pdf').describe('pdf (default) or json'),
    }),
    responses: {
      200: {
        description: 'The document (Cache-Control: no-store): the PDF by default, its data with format=json',
        mediaType: 'application/pdf',
        alternatives: [{ mediaType: 'application/json', schema: documentJsonSchema }],
      },
      403: { description: 'It holds the child’s details, which you may not read' },
      404: { description: 'No such document of an escalation you can see' },
    },
    handler: async ({ params, query }, req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      const doc = deps.stores.documents.get(params.id);
      if (!doc) {
        audit(deps, req, ACTION, null, 'not-found', 'unknown document');
        throw noSuchDocument();
      }
      const visible = visibleOr404(deps, req, doc.escalationId);
      const holds = holdsChildDetails(doc.form);
      if (holds && !(await mayReadChildDetails(deps, req.principal!, visible))) {
        audit(deps, req, ACTION, doc.escalationId, 'forbidden', `document:${doc.id}`);
        throw forbidden(
          'This document holds the child’s details; only the roles the procedure gives them to may read it.',
        );
      }
      audit(deps, req, ACTION, doc.escalationId, 'ok', `document:${doc.id}:${query.format}`);
      if (query.format === 'json') return jsonOf(deps, doc, holds);
      sendPdf(res, doc, deps.stores.documents.pdf(doc.id));
      return undefined;
    },
  });
}

/** One answer for "no such document" and "not yours", so the two cannot be told apart. */
const noSuchDocument = () => notFound('There is no document with that id that you can see.');

function visibleOr404(deps: ApiDependencies, req: Request, escalationId: string): VisibleEscalation {
  try {
    return visibleEscalation(deps, req, escalationId, ACTION);
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) throw noSuchDocument();
    throw error;
  }
}

function jsonOf(
  deps: ApiDependencies,
  doc: DocumentInfo,
  holds: boolean,
): z.infer<typeof documentJsonSchema> {
  const data = deps.stores.documents.json(doc.id) as {
    title?: string;
    citation?: string;
    fields?: Record<string, string | string[] | null>;
  };
  return {
    id: doc.id,
    escalationId: doc.escalationId,
    caseReference: doc.caseReference,
    form: doc.form,
    title: data.title ?? doc.form,
    citation: data.citation ?? '',
    elementId: doc.elementId,
    createdAt: doc.createdAt,
    holdsChildDetails: holds,
    fields: data.fields ?? {},
    missing: doc.missing,
  };
}

/** The PDF inline, named by its form only: a file name never carries a case reference or a name. */
function sendPdf(res: Response, doc: DocumentInfo, pdf: Buffer): void {
  res
    .status(200)
    .type('application/pdf')
    .setHeader('Content-Disposition', `inline; filename="${doc.form}.pdf"`)
    .setHeader('Content-Length', String(pdf.length))
    .end(pdf);
}
