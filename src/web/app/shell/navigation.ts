/**
 * The service navigation's items, in order. A page that belongs in the navigation adds one line
 * here: its link, its text, which paths mark it current, and who sees it.
 */
import type { User } from '../api/types.js';
import { chairMemberships } from '../pages/conferences/conference-data.js';

export interface NavigationItem {
  href: string;
  text: string;
  /** Whether the current path belongs to this item (it is then marked `aria-current`). */
  current: (path: string) => boolean;
  /** Whether this user sees the item (default: everyone signed in). */
  shownTo?: (user: User) => boolean;
}

export const NAVIGATION: NavigationItem[] = [
  { href: '/', text: 'Dashboard', current: (path) => path === '/' || path.startsWith('/escalations/') },
  {
    href: '/raise',
    text: 'Raise an escalation',
    current: (path) => path === '/raise',
    // Professionals raise for their agency; the partnership's own staff have no agency to raise for.
    shownTo: (user) => user.memberships.some((m) => m.agency !== null),
  },
  { href: '/messages', text: 'Messages', current: (path) => path === '/messages' },
  {
    href: '/conferences',
    text: 'Conferences',
    current: (path) => path === '/conferences',
    shownTo: (user) => chairMemberships(user).length > 0,
  },
  {
    href: '/reports',
    text: 'Reports',
    current: (path) => path === '/reports',
    shownTo: (user) => user.memberships.some((m) => m.reports),
  },
  {
    href: '/diagrams',
    text: 'Diagrams',
    current: (path) => path === '/diagrams' || path.startsWith('/diagrams/'),
    shownTo: (user) => user.memberships.some((m) => m.processOwner),
  },
];
