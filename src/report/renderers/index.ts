// The renderers by format name, and the lookup that turns a bad name into a clear error.
import { WelcomematError } from '../../errors.js';
import type { Renderer } from '../renderer.js';
import { htmlRenderer } from './html.js';
import { jsonRenderer } from './json.js';

export const renderers: Record<string, Renderer> = {
  html: htmlRenderer,
  json: jsonRenderer,
};

export function getRenderer(name: string): Renderer {
  const key = name.trim().toLowerCase();
  if (Object.hasOwn(renderers, key)) return renderers[key];
  throw new WelcomematError('BAD_OPTIONS', `unknown report format "${name}"; use one of: ${Object.keys(renderers).join(', ')}`);
}
