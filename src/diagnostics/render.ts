/**
 * Rendering an issue's message in a locale, from the table of that locale.
 */
import type { IssueCode } from "./issue.js";
import type { Locale } from "./locale.js";
import { MESSAGES_EN } from "./messages.js";
import { MESSAGES_ZH } from "./messages.zh-CN.js";
import type { Params, Template } from "./template.js";

/** The message table of each locale, keyed by the stable codes. */
export const MESSAGE_TABLES: Readonly<Record<Locale, Readonly<Record<IssueCode, Template>>>> = { en: MESSAGES_EN, "zh-CN": MESSAGES_ZH };

/** The message of `code` with `params` in `locale` (English by default); never throws. */
export function renderMessage(code: IssueCode, params: Params, locale: Locale = "en"): string {
  const table = MESSAGE_TABLES[locale] ?? MESSAGES_EN;
  const template = Object.hasOwn(table, code) ? table[code] : undefined;
  try {
    return template ? template(params) : code;
  } catch {
    return code;
  }
}
