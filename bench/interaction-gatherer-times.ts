// Measures what each gatherer adds per page on the demo site (and shows the interaction checks' findings there): `node dist/bench/interaction-gatherer-times.js`.
import { fileURLToPath } from 'node:url';
import { startSiteServer } from '../src/demo/site-server.js';
import { allGatherers } from '../src/gather/registry.js';
import type { Gatherer } from '../src/gather/gatherer.js';
import { runPageChecks } from '../src/checks/run-checks.js';
import { interactionChecks } from '../src/checks/sets/interaction-checks.js';
import { resolveOptions } from '../src/config/resolve-options.js';
import { FixtureBrowser } from '../test/helpers/fixture-browser.js';

const root = fileURLToPath(new URL('../../demo-site/', import.meta.url));
const pages = ['/', '/menu.html', '/about.html', '/contact.html', '/order.html', '/events.html', '/gallery.html', '/visit.html', '/es/'];
/** Each page is audited this many times; the median evens out the other work on a shared machine. */
const ROUNDS = 3;

const times = new Map<string, number[]>();
const timed = (gatherer: Gatherer): Gatherer => ({
  ...gatherer,
  async gather(context) {
    const started = performance.now();
    try {
      return await gatherer.gather(context);
    } finally {
      const list = times.get(gatherer.artifact) ?? [];
      list.push(performance.now() - started);
      times.set(gatherer.artifact, list);
    }
  },
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const site = await startSiteServer({ root });
const browser = await FixtureBrowser.start();
const artifactsDir = fileURLToPath(new URL('../../reports/bench-screenshots/', import.meta.url));
try {
  const gatherers = allGatherers.map(timed);
  for (let round = 0; round < ROUNDS; round++) {
    for (const path of pages) {
      const { artifacts, errors } = await browser.gather(`${site.url}${path}`, gatherers, { artifactsDir });
      if (errors.length) console.log(path, 'gatherer errors:', errors);
      if (round === 0) {
        const options = resolveOptions({ urls: [site.url] });
        const { findings } = runPageChecks(interactionChecks, artifacts, `${site.url}${path}`, options);
        for (const finding of findings) console.log(`${path}\t${finding.kind}\t${finding.ruleId}\t${finding.selector}\t${finding.message.slice(0, 110)}`);
      }
    }
  }
  console.log('\ngatherer\tmedian ms/page\tmax ms\truns');
  for (const [name, list] of times) console.log(`${name}\t${Math.round(median(list))}\t${Math.round(Math.max(...list))}\t${list.length}`);
} finally {
  await browser.close();
  await site.close();
}
