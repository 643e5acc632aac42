// In-page helpers (selector, snippet, box) installed once per page for every gatherer to use.
import type { Page } from 'puppeteer';

/** What `installPageHelpers` puts on `window.__welcomemat`; gatherers' evaluate code may call it. */
export interface PageHelpers {
  /** A short, unique CSS selector for the element. */
  selector(element: Element): string;
  /** The element's opening tag and a little content, at most `max` characters. */
  snippet(element: Element, max?: number): string;
  /** The element's box in document coordinates, or null when it has no layout. */
  box(element: Element): { x: number; y: number; width: number; height: number } | null;
  /** Whether the element is rendered and not hidden by CSS. */
  isVisible(element: Element): boolean;
}

declare global {
  interface Window {
    __welcomemat?: PageHelpers;
  }
}

/**
 * Runs inside the page (serialised by puppeteer), so it must not use anything from
 * outside its own body.
 */
export function installPageHelpers(): void {
  if (window.__welcomemat) return;
  // A snippet is evidence, not a copy of the page: 250 characters shows the tag and its attributes.
  const DEFAULT_SNIPPET_LENGTH = 250;

  const cssEscape = (value: string): string => (window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/[^\w-]/g, '\\$&'));

  const isUnique = (selector: string): boolean => {
    try {
      return document.querySelectorAll(selector).length === 1;
    } catch {
      return false;
    }
  };

  const selector = (element: Element): string => {
    if (element.id && isUnique(`#${cssEscape(element.id)}`)) return `#${cssEscape(element.id)}`;
    const parts: string[] = [];
    let node: Element | null = element;
    while (node && node.nodeType === Node.ELEMENT_NODE && node !== document.documentElement) {
      let part = node.localName;
      if (node.id && isUnique(`#${cssEscape(node.id)}`)) {
        parts.unshift(`#${cssEscape(node.id)}`);
        break;
      }
      const parent: Element | null = node.parentElement;
      if (parent) {
        const sameTag = Array.from(parent.children).filter((child) => child.localName === node!.localName);
        if (sameTag.length > 1) part += `:nth-of-type(${sameTag.indexOf(node) + 1})`;
      }
      parts.unshift(part);
      const candidate = parts.join(' > ');
      if (isUnique(candidate)) return candidate;
      node = parent;
    }
    return parts.length ? (parts[0].startsWith('#') ? parts.join(' > ') : `html > ${parts.join(' > ')}`) : 'html';
  };

  const snippet = (element: Element, max = DEFAULT_SNIPPET_LENGTH): string => {
    const html = element.outerHTML.replace(/\s+/g, ' ');
    return html.length > max ? `${html.slice(0, max - 1)}…` : html;
  };

  const box = (element: Element) => {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) return null;
    return {
      x: Math.round(rect.left + window.scrollX),
      y: Math.round(rect.top + window.scrollY),
      width: Math.round(rect.width),
      height: Math.round(rect.height),
    };
  };

  const isVisible = (element: Element): boolean => {
    const style = getComputedStyle(element);
    if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return false;
    if (Number(style.opacity) === 0) return false;
    const rect = element.getBoundingClientRect();
    return rect.width > 0 || rect.height > 0;
  };

  window.__welcomemat = { selector, snippet, box, isVisible };
}

export async function ensurePageHelpers(page: Page): Promise<void> {
  await page.evaluate(installPageHelpers);
}
