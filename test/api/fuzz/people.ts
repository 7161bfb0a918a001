/**
 * Who the fuzz tests send requests as: the acting fixtures' people (acting.fixtures.ts) with tokens,
 * a user of two partnerships, a browser session with and without its CSRF token, a revoked token
 * and no one. Names are picked by fast-check and turned into credentials at send time.
 */
import fc from 'fast-check';
import type { ApiHarness, As } from '../harness.js';
import { createPeople } from '../acting.fixtures.js';

export type Who = string;

export class People {
  private readonly as = new Map<Who, As>();

  private constructor(private readonly h: ApiHarness) {}

  /** Creates the acting fixtures' people, `mo` (Liverpool and Northamptonshire) and `rex` (revoked). */
  static async create(h: ApiHarness): Promise<People> {
    await createPeople(h);
    await h.user('mo', {
      partnership: 'liverpool',
      agency: 'school',
      organisation: 'st-marys',
      roles: ['raising-professional'],
    });
    h.grant('mo', {
      partnership: 'northamptonshire',
      agency: 'school',
      organisation: 'ridgeway',
      roles: ['raising-professional'],
    });
    await h.user('rex', {
      partnership: 'liverpool',
      agency: 'school',
      organisation: 'st-marys',
      roles: ['raising-professional'],
    });
    const people = new People(h);
    const rex = people.of('rex');
    const id = /^esc_([0-9a-f]+)_/.exec((rex as { token: string }).token)![1]!;
    h.product.stores.tokens.revoke(id, new Date(h.clock.now()));
    return people;
  }

  /**
   * Credentials of `who`: a username (its token), `<name>+session` (a session, sent with its CSRF
   * token), `<name>+nocsrf` (a session without it), or `anonymous`.
   */
  of(who: Who): As {
    if (who === 'anonymous') return null;
    const known = this.as.get(who);
    if (known !== undefined) return known;
    const [name, kind] = who.split('+') as [string, string | undefined];
    let as: As;
    if (kind === undefined) as = this.h.token(name);
    else {
      const user = this.h.product.stores.users.byUsername(name)!;
      const session = this.h.product.stores.sessions.create(user.id, new Date(this.h.clock.now()));
      const cookie = `escalations_session=${session.id}`;
      as = { session: { cookie, csrfToken: kind === 'session' ? session.csrfToken : 'not-the-token' } };
    }
    this.as.set(who, as);
    return as;
  }

  /** Picks who sends from `[who, weight]` pairs; their credentials are made now, before any snapshot. */
  pick(...weighted: [Who, number][]): fc.Arbitrary<Who> {
    for (const [who] of weighted) this.of(who);
    return fc.oneof(...weighted.map(([who, weight]) => ({ arbitrary: fc.constant(who), weight })));
  }

  /** Forgets a session that was signed out, so the next use opens another. */
  forget(who: Who): void {
    this.as.delete(who);
  }
}
