// Turns a check's result into a finding (English text plus its message reference); shared by every runner, whatever the check's scope.
import type { CheckMessage, CheckMeta, CheckResult } from '../check.js';
import type { Finding } from '../../model/finding.js';
import type { MessageParam, MessageRef } from '../../model/message.js';
import { createMessageFormatter } from '../../util/format-message.js';

/** Anything with check metadata: a page, site or document check. */
interface HasMeta {
  meta: CheckMeta;
}

/** A check's local message (keys of its meta.messages) as a report-wide reference: ids prefixed with the check id, nested ones too. */
function globalRef(checkId: string, local: CheckMessage): MessageRef {
  const lift = (value: MessageParam): MessageParam => {
    if (Array.isArray(value)) return value.map((item) => globalRef(checkId, item));
    if (typeof value === 'object') return globalRef(checkId, value);
    return value;
  };
  const id = `${checkId}.${local.id}`;
  if (!local.params) return { id };
  return { id, params: Object.fromEntries(Object.entries(local.params).map(([name, value]) => [name, lift(value)])) };
}

/** A finding's English message and its reference, from what the check returned. */
export function messageOfResult(check: HasMeta, message: CheckResult['message']): { message: string; messageRef?: MessageRef } {
  if (typeof message === 'string') return { message };
  const ref = globalRef(check.meta.id, message);
  const prefix = `${check.meta.id}.`;
  const english = createMessageFormatter('en', (id) => (id.startsWith(prefix) ? check.meta.messages?.[id.slice(prefix.length)] : undefined));
  return { message: english(ref), messageRef: ref };
}

/** The finding for one result of a welcomemat check on `url` (a page or a document). */
export function findingOfResult(check: HasMeta, result: CheckResult, url: string): Finding {
  const meta = check.meta;
  return {
    ruleId: meta.id,
    source: 'welcomemat',
    kind: result.kind,
    impact: result.impact ?? meta.impact,
    family: meta.family,
    wcag: meta.wcag,
    level: meta.level,
    affects: meta.affects,
    url: result.url ?? url,
    selector: result.selector ?? '',
    snippet: result.snippet ?? '',
    ...messageOfResult(check, result.message),
    helpUrl: meta.helpUrl,
    ...(result.box ? { box: result.box } : {}),
    ...(result.causeKey ? { causeKey: result.causeKey } : {}),
  };
}
