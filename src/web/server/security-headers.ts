/**
 * The web UI's security headers (helmet) and its Content Security Policy. Everything the app loads
 * is its own: scripts and styles are files under /assets (no inline script, no inline style, no
 * `eval`), it talks only to its own origin, and no other site may frame it. bpmn-js's viewer and
 * form-js's viewer render under `style-src 'self'` (they set styles through the DOM, which CSP
 * allows, not through style attributes in markup); see src/web/README.md.
 */
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

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
