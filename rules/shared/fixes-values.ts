/** What value fixes need to know about an indicator: whether its bare number is a percent. */
import { squeeze, stripTrailingPunctuation } from './text.js';

/** A 三级 that names a rate or a degree (…率, …满意度): its bare number is a percent. */
export function namesRate(level3: string | null): boolean {
  return /(?:率|满意度)$/.test(stripTrailingPunctuation(squeeze(level3)));
}
