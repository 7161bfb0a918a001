/**
 * The web UI's security headers (helmet) and its Content Security Policy. Everything the app loads
 * is its own: scripts and styles are files under /assets (no inline script, no inline style, no
 * `eval`), it talks only to its own origin, and no other site may frame it. bpmn-js's viewer and
 * form-js's viewer render under `style-src 'self'` (they set styles through the DOM, which CSP
 * allows, not through style attributes in markup); see src/web/README.md.
 */
import { createHash } from 'node:crypto';
import helmet from 'helmet';
import type { RequestHandler } from 'express';

export const CSP_DIRECTIVES: Record<string, string[] | null> = {
  'default-src': ["'self'"],
  'base-uri': ["'none'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  // TLS is the reverse proxy's job; upgrading would break plain http://localhost.
  'upgrade-insecure-requests': null,
};

/**
 * The only inline styles the modeler page needs: markup with `style` attributes that its libraries
 * insert as HTML, which `style-src 'self'` refuses. Its document
 * (`/diagrams/:partnership/:key/versions/:version`, loaded as a page of its own) allows exactly
 * these values by hash (`'unsafe-hashes'` is what CSP calls allowing an attribute by its hash);
 * nothing else inline, and no other page. src/web/server/modeler-csp.test.ts checks that the
 * build's JavaScript has no other (a library update that adds one fails it).
 */
export const MODELER_STYLE_ATTRIBUTES = [
  // bpmn-js-properties-panel's two containers (BpmnPropertiesPanelRenderer).
  'height: 100%',
  'flex: none; height: auto',
  // bpmn-js's align and distribute icons (context pad and popup menu for several elements).
  'stroke:currentColor;stroke-width:100;stroke-linecap:round;',
  'fill:none;stroke:currentColor;stroke-width:100;',
  'fill:none;stroke:currentColor;stroke-width:100;stroke-linejoin:round;',
  'fill:currentColor;stroke:currentColor;stroke-width:100;opacity:.5;',
  // bpmn-js-color-picker's swatches (camunda-bpmn-js's Modeler includes it).
  'stroke-width:2',
];

export const MODELER_CSP_DIRECTIVES: Record<string, string[] | null> = {
  ...CSP_DIRECTIVES,
  'style-src-attr': [
    "'unsafe-hashes'",
    ...MODELER_STYLE_ATTRIBUTES.map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`),
  ],
};

export function securityHeaders(directives = CSP_DIRECTIVES): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
