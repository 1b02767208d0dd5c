/**
 * The languages kaohe speaks. Issues keep `message` in English (the integrators'
 * contract); formatIssue(s), buildFeedback, explainSubject and the CLI render in the
 * locale asked for, from one message table per locale keyed by the stable codes.
 */

/** A locale kaohe has messages for: English (the default) or simplified Chinese. */
export type Locale = "en" | "zh-CN";

export const LOCALES: readonly Locale[] = ["en", "zh-CN"];

/** Options of the functions that render text for people. */
export interface LocaleOptions {
  /** "en" (default) or "zh-CN". */
  readonly locale?: Locale;
}

/** True when `value` is a supported locale. */
export function isLocale(value: unknown): value is Locale {
  return value === "en" || value === "zh-CN";
}
