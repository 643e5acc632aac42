// Flags Figure tags in a PDF's structure tree without alternative text (Alt or ActualText).
import { defineDocumentCheck, message } from './check.js';

/** Page numbers listed in the message; the count says how many figures there are. */
const LISTED_PAGES = 10;

export default defineDocumentCheck({
  meta: {
    id: 'pdf-figure-alt-missing',
    title: 'Figures in PDF documents have alternative text',
    family: 'documents',
    affects: ['blind'],
    wcag: ['1.1.1'],
    en301549: ['10.1.1.1'],
    level: 'A',
    impact: 'serious',
    whyItMatters:
      'A screen reader announces a tagged figure without alternative text as "figure" or skips it, so whatever the picture shows (the dish, the map, the chart\'s numbers) is lost. Decorative images should not be tagged as figures at all.',
    howToFix:
      'Give every informative image alternative text before exporting (Word: right-click the picture › View Alt Text), and mark decorative ones as decorative, which exports them as artifacts. In Acrobat: Accessibility › Set Alternate Text.',
    example: 'Word: picture › View Alt Text › "Map: the bakery is on the corner of Main Street and 2nd Avenue"',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/pdf/PDF1',
    messages: {
      missing: {
        one: 'A figure has no alternative text (page {pages}).',
        other: '{count} figures have no alternative text (pages {pages}).',
      },
    },
  },
  requires: ['pdf'],
  appliesTo({ pdf }) {
    return pdf.figures.total > 0;
  },
  evaluate({ pdf }) {
    if (pdf.figures.withoutAlt === 0) return [];
    // An empty Alt is as silent as none: decorative images belong out of the tags (as artifacts), not in a Figure.
    const pages = [...new Set(pdf.figures.items.filter((figure) => figure.alt === null || figure.alt.trim() === '').map((figure) => figure.page))];
    const listed = pages.slice(0, LISTED_PAGES).join(', ') + (pages.length > LISTED_PAGES || pdf.figures.items.length < pdf.figures.total ? ', …' : '');
    return [{ kind: 'violation', message: message('missing', { count: pdf.figures.withoutAlt, pages: listed }), causeKey: 'pdf-figure-alt-missing' }];
  },
});
