// `node dist/bench/arrival-cost.js [runs]`: what a consent banner costs a site's audit. The OneTrust-like fixture site (3 pages) is audited with its banner and with the banner's script answered empty, alternating; the difference of the median audit times is the banner's cost per site.
import { fileURLToPath } from 'node:url';
import { audit } from '../src/audit/audit-site.js';
import { startSiteServer } from '../src/demo/site-server.js';
import { median } from './stats.js';

const fixture = fileURLToPath(new URL('../../test/fixtures/arrival/onetrust/', import.meta.url));
/** Audits of each kind: 5 gives a median that one slow run does not move. */
const DEFAULT_RUNS = 5;

/** One audit of the fixture site; `banner: false` answers the consent platform's script with nothing. */
async function auditOnce(banner: boolean): Promise<{ ms: number; pages: number; arrivalFindings: number }> {
  const site = await startSiteServer({
    root: fixture,
    routes: banner
      ? {}
      : {
          '/otSDKStub.js': (_req, res) => {
            res.writeHead(200, { 'content-type': 'text/javascript' });
            res.end('');
          },
        },
  });
  try {
    const started = performance.now();
    const report = await audit({ urls: [`${site.url}/index.html`], concurrency: 1, useSitemaps: false });
    const ms = performance.now() - started;
    const arrivalFindings = report.findings.filter((finding) => /^(arrival|consent-refuse)/.test(finding.ruleId)).length;
    return { ms, pages: report.pages.length, arrivalFindings };
  } finally {
    await site.close();
  }
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? DEFAULT_RUNS);
  const times: Record<'with' | 'without', number[]> = { with: [], without: [] };
  for (let run = 0; run < runs; run++) {
    // Alternating order, so a machine that gets busier does not favour one kind.
    for (const banner of run % 2 ? [false, true] : [true, false]) {
      const result = await auditOnce(banner);
      times[banner ? 'with' : 'without'].push(result.ms);
      console.log(`  run ${run + 1} ${banner ? 'with banner   ' : 'without banner'} ${result.pages} pages in ${Math.round(result.ms)} ms, ${result.arrivalFindings} arrival findings`);
    }
  }
  const withBanner = median(times.with);
  const without = median(times.without);
  console.log(`median audit: with banner ${Math.round(withBanner)} ms, without ${Math.round(without)} ms; the banner costs ${Math.round(withBanner - without)} ms per site (${runs} runs each)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
