// Loads fixture pages in real Chromium and runs chosen gatherers on them, for gatherer and check tests.
import type { Page } from 'puppeteer';
import { BrowserSession } from '../../src/browser/browser-session.js';
import { resolveOptions } from '../../src/config/resolve-options.js';
import type { AuditOptionsInput, ResolvedOptions } from '../../src/config/options.js';
import { openTab } from '../../src/browser/open-tab.js';
import { loadPage } from '../../src/browser/load-page.js';
import { runGatherers } from '../../src/page/run-gatherers.js';
import type { ArtifactName, PageArtifacts } from '../../src/gather/artifacts.js';
import type { Gatherer } from '../../src/gather/gatherer.js';
import type { GathererError } from '../../src/model/report.js';

export class FixtureBrowser {
  private constructor(readonly session: BrowserSession) {}

  static async start(): Promise<FixtureBrowser> {
    return new FixtureBrowser(await BrowserSession.start(resolveOptions({ urls: ['http://127.0.0.1/'] }).browser));
  }

  /** Loads `url`, runs the gatherers (all phases, in the runner's order) and returns their artifacts. */
  async gather(
    url: string,
    gatherers: Gatherer[],
    overrides: Partial<AuditOptionsInput> = {},
    /** False: interactive gatherers load the page again in tabs of their own instead of using the audited tab. */
    reuseAuditedTab = true,
  ): Promise<{ artifacts: PageArtifacts; errors: GathererError[] }> {
    const options: ResolvedOptions = resolveOptions({ urls: [url], ...overrides });
    const context = await this.session.acquire();
    let page: Page | undefined;
    try {
      page = await openTab(context);
      const loaded = await loadPage(page, url, options);
      if (loaded.kind !== 'page') throw new Error(`fixture ${url} did not load: ${JSON.stringify(loaded)}`);
      const neededArtifacts = new Set<ArtifactName>(gatherers.map((gatherer) => gatherer.artifact));
      const { artifacts, errors } = await runGatherers(page, loaded.finalUrl, loaded.loadMs, { context, options, gatherers, neededArtifacts, reuseAuditedTab });
      return { artifacts, errors };
    } finally {
      await page?.close().catch(() => undefined);
      this.session.release(context);
    }
  }

  async close(): Promise<void> {
    await this.session.close();
  }
}
