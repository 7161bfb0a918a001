/**
 * The browser entry point. `govuk-frontend-supported` on the body is what GOV.UK Frontend's
 * template sets with an inline script, which our CSP forbids; it lets GOV.UK's own component scripts
 * be used on elements Preact renders, should a page need one.
 */
import { render } from 'preact';
import { App } from './app.js';
import { startEarly } from './early.js';

// The opened page's code and data, loading while the session is checked (early.ts).
startEarly(location.pathname);
document.body.classList.add('js-enabled', 'govuk-frontend-supported');
render(<App />, document.getElementById('app')!);
