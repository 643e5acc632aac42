// The index page across the sites of one run, in the report's look, language and branding.
// It renders src/run/site-index.ts's SiteIndex (issue 6 builds the data and writes index.json); writeSiteIndex can call renderSiteIndex.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { SiteIndex } from '../../model/site-index.js';
import { packageRoot } from '../../util/package-root.js';
import { DEFAULT_BRANDING, type Branding } from '../branding.js';
import { createTranslator } from '../i18n.js';
import { safeRelativePath } from '../screenshots.js';
import { templates, TEMPLATE_OPTIONS } from './html.js';

let compiled: Promise<(view: object) => string> | undefined;

async function template(): Promise<(view: object) => string> {
  compiled ??= (async () => {
    const { hbs } = await templates();
    const source = await fs.readFile(path.join(packageRoot, 'templates', 'site-index.hbs'), 'utf8');
    return hbs.compile(source, TEMPLATE_OPTIONS);
  })().catch((error: unknown) => {
    compiled = undefined;
    throw error;
  });
  return compiled;
}

export interface SiteIndexRenderOptions {
  locale?: string;
  branding?: Branding;
}

/** The index HTML: one row per site, its link only when it is a plain relative path to a report we wrote. */
export async function renderSiteIndex(index: SiteIndex, options: SiteIndexRenderOptions = {}): Promise<string> {
  const tr = createTranslator(options.locale);
  const branding = options.branding ?? DEFAULT_BRANDING;
  const { css } = await templates();
  const logo = branding.logoDataUri && /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(branding.logoDataUri) ? branding.logoDataUri : '';
  const view = {
    lang: tr.locale,
    t: tr.messages,
    css: `${css}\n:root { --brand: ${/^#[0-9a-f]{6}$/i.test(branding.primaryColour) ? branding.primaryColour : DEFAULT_BRANDING.primaryColour}; }`,
    csp: ["default-src 'none'", "style-src 'unsafe-inline'", "img-src 'self' data:", "base-uri 'none'", "form-action 'none'"].join('; '),
    sitesCount: tr.t('units.site', { count: index.sites.length }),
    generated: tr.date(index.generatedAt),
    brand: {
      logo,
      logoAlt: branding.agencyName ? tr.t('report.logoAlt', { agency: branding.agencyName }) : '',
      preparedBy: branding.agencyName ? tr.t('report.preparedBy', { agency: branding.agencyName }) : '',
      contact: branding.contact,
      showWelcomemat: branding.showWelcomemat,
    },
    sites: index.sites.map((site) => {
      const s = site.summary;
      return {
        name: site.name,
        href: safeRelativePath(site.report),
        openLabel: tr.t('siteIndex.open', { site: site.name }),
        failed: site.status === 'failed',
        error: site.status === 'failed' ? tr.t('siteIndex.failed') : '',
        errorDetail: site.status === 'failed' ? (site.error ?? tr.t('common.unknown')) : '',
        partial: false,
        fixes: s ? tr.number(s.fixes) : '—',
        critical: s ? tr.number(s.violationsByImpact.critical) : '—',
        violations: s ? tr.number(s.violations) : '—',
        needsReview: s ? tr.number(s.needsReview) : '—',
        pages: s ? tr.number(s.pagesAudited) : '—',
        changes: site.changes ? tr.t('siteIndex.changesValue', { new: site.changes.newFixes, fixed: site.changes.fixedFixes }) : tr.t('siteIndex.noChanges'),
      };
    }),
  };
  return (await template())(view);
}
