/**
 * The app shell: skip link, the service header (the partnership's name, never GOV.UK's), the
 * service navigation (the service's name, the pages, sign out), the main landmark and the footer.
 */
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useSession } from '../session/session.js';
import { NAVIGATION } from './navigation.js';
import { SERVICE_NAME } from './page.js';

/** Shown in the header before sign-in, and to a user of several partnerships. */
export const PRODUCT_NAME = 'Safeguarding children partnerships';

export function Layout({ children }: { children: ComponentChildren }) {
  return (
    <>
      <a href="#main-content" class="govuk-skip-link">
        Skip to main content
      </a>
      <Header />
      <ServiceNavigation />
      <div class="govuk-width-container">
        <main class="govuk-main-wrapper govuk-skip-link-focused-element" id="main-content" tabIndex={-1}>
          {children}
        </main>
      </div>
      <Footer />
    </>
  );
}

function Header() {
  const session = useSession();
  const partnerships = session.state.status === 'signed-in' ? session.state.partnerships : [];
  const name = partnerships.length === 1 ? partnerships[0]!.name : PRODUCT_NAME;
  return (
    <header class="govuk-generic-header">
      <div class="govuk-generic-header__container govuk-width-container">
        <div class="govuk-generic-header__logo">
          <a href="/" class="govuk-generic-header__homepage-link">
            {name}
          </a>
        </div>
      </div>
    </header>
  );
}

function ServiceNavigation() {
  const { path } = useLocation();
  const session = useSession();
  const user = session.state.status === 'signed-in' ? session.state.user : null;
  const items = user ? NAVIGATION.filter((item) => !item.shownTo || item.shownTo(user)) : [];
  return (
    <section aria-label="Service information" class="govuk-service-navigation">
      <div class="govuk-width-container">
        <div class="govuk-service-navigation__container">
          <span class="govuk-service-navigation__service-name">
            <a href="/" class="govuk-service-navigation__link">
              {SERVICE_NAME}
            </a>
          </span>
          {user && (
            <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
              <ul class="govuk-service-navigation__list" id="navigation">
                {items.map((item) => (
                  <NavigationLink key={item.href} href={item.href} current={item.current(path)}>
                    {item.text}
                  </NavigationLink>
                ))}
                <li class="govuk-service-navigation__item">
                  <button
                    type="button"
                    class="app-service-navigation__button"
                    onClick={() => void session.signOut()}
                  >
                    Sign out<span class="govuk-visually-hidden"> ({user.username})</span>
                  </button>
                </li>
              </ul>
            </nav>
          )}
        </div>
      </div>
    </section>
  );
}

function NavigationLink(props: { href: string; current: boolean; children: ComponentChildren }) {
  const { href, current, children } = props;
  return (
    <li class={`govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}`}>
      <a class="govuk-service-navigation__link" href={href} aria-current={current ? 'page' : undefined}>
        {current ? <strong class="govuk-service-navigation__active-fallback">{children}</strong> : children}
      </a>
    </li>
  );
}

function Footer() {
  return (
    <footer class="app-footer">
      <div class="govuk-width-container">
        <h2 class="govuk-visually-hidden">Support links</h2>
        <ul class="app-footer__list">
          <li class="app-footer__list-item">
            <a class="govuk-link" href="/api/docs">
              API reference
            </a>
          </li>
        </ul>
        <p class="govuk-body-s govuk-!-margin-bottom-0">
          Escalations follows your partnership’s published escalation procedure. For help, contact your
          partnership’s business office.
        </p>
      </div>
    </footer>
  );
}
