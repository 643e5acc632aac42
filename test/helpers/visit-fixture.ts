// Visits fixture pages the way an audit does (every gatherer, settle, budgets, page checks) and returns the page results, for check tests.
import { BrowserSession } from '../../src/browser/browser-session.js';
import type { AuditOptionsInput } from '../../src/config/options.js';
import { resolveOptions } from '../../src/config/resolve-options.js';
import { InteractionSampler } from '../../src/crawl/interaction-sampler.js';
import { LocalClaims } from '../../src/crawl/local-claims.js';
import type { PageVisit } from '../../src/page/visit-page.js';
import { visitPage } from '../../src/page/visit-page.js';
import { createVisitSetup } from '../../src/page/visit-setup.js';

export type AuditedVisit = PageVisit & { kind: 'audited' };

/** One browser for a test file; every visit gets every gatherer (no layout sampling). */
export class FixtureVisitor {
  private constructor(
    readonly session: BrowserSession,
    private readonly overrides: Partial<AuditOptionsInput>,
  ) {}

  static async start(overrides: Partial<AuditOptionsInput> = {}): Promise<FixtureVisitor> {
    const options = resolveOptions({ urls: ['http://127.0.0.1/'], ...overrides });
    return new FixtureVisitor(await BrowserSession.start(options.browser), overrides);
  }

  async visit(url: string): Promise<AuditedVisit> {
    const options = resolveOptions({ urls: [url], interaction: { sampling: 'all' }, ...this.overrides });
    const claims = new LocalClaims(() => ({ inScope: true }), new InteractionSampler(options));
    const context = await this.session.acquire();
    try {
      const visit = await visitPage({ url, depth: 0, foundBy: 'start' }, context, createVisitSetup(options), claims);
      if (visit.kind !== 'audited') throw new Error(`fixture ${url} was not audited: ${JSON.stringify(visit)}`);
      return visit;
    } finally {
      this.session.release(context);
    }
  }

  async close(): Promise<void> {
    await this.session.close();
  }
}
