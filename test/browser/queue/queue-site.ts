// The small fixture site and settings the queued-mode tests share.
import { startSiteServer, type SiteServer } from '../../../src/demo/site-server.js';
import { page, sendHtml } from '../../helpers/html.js';
import { redisAvailable, REDIS_SERVER } from '../../helpers/redis-server.js';

/** Queued-mode tests need Debian's redis-server (.ci/run installs it); without it they are skipped, saying why. */
export const NO_REDIS: string | false = redisAvailable() ? false : `${REDIS_SERVER} not installed (apt-get install redis-server)`;

/** A small site with a redirect, a directory and its default document, and findings on every page. */
export function smallSite(): Promise<SiteServer> {
  const nav = '<nav><a href="/">Home</a> <a href="/index.html">Home again</a> <a href="/about">About</a> <a href="/old-contact">Contact</a> <a href="/menu">Menu</a> <a href="/visit">Visit</a></nav>';
  return startSiteServer({
    routes: {
      '/': (_req, res) => sendHtml(res, page('Home', `${nav}<h1>Bakery</h1><img src="/x.png"><p style="color:#aaa">Fresh bread daily.</p>`)),
      '/index.html': (_req, res) => sendHtml(res, page('Home', `${nav}<h1>Bakery</h1><img src="/x.png"><p style="color:#aaa">Fresh bread daily.</p>`)),
      '/about': (_req, res) => sendHtml(res, page('About', `${nav}<h1>About</h1><h4>Skipped levels</h4><p>We bake.</p>`)),
      '/old-contact': (_req, res) => {
        res.writeHead(301, { location: '/contact' });
        res.end();
      },
      '/contact': (_req, res) => sendHtml(res, page('Contact', `${nav}<h1>Contact</h1><form><input type="text" id="unlabelled"><button></button></form>`)),
      '/menu': (_req, res) => sendHtml(res, page('Menu', `${nav}<h1>Menu</h1><table><tr><td>Bread</td><td>2</td></tr></table><a href="/visit">click here</a>`)),
      '/visit': (_req, res) => sendHtml(res, page('Visit', `${nav}<h1>Visit</h1><p>Open <span style="color:#bbb">9 to 5</span>.</p>`)),
      '/x.png': (_req, res) => {
        res.writeHead(404);
        res.end();
      },
    },
  });
}

/** The interactive gatherers cost seconds per page on a busy machine; these tests are about the queue. */
export const FAST_AUDIT = { disabledGatherers: ['keyboard', 'motion', 'reflow', 'textResize', 'textSpacing'] };
