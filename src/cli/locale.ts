/**
 * The language of a CLI run: `--lang zh|en`, else the locale of the environment
 * (LC_ALL, then LC_MESSAGES, then LANG, the first one set): Chinese (zh*) gives
 * zh-CN, anything else English.
 */
import type { Locale } from "../diagnostics/locale.js";

/**
 * The locale the environment asks for.
 *
 * @param env - the environment (process.env)
 * @returns "zh-CN" when the first of LC_ALL, LC_MESSAGES, LANG that is set starts with zh
 * @example
 * localeOfEnv({ LANG: "zh_CN.UTF-8" })
 * // => "zh-CN"
 */
export function localeOfEnv(env: Readonly<Record<string, string | undefined>> | undefined): Locale {
  const value = [env?.LC_ALL, env?.LC_MESSAGES, env?.LANG].find((v) => v !== undefined && v !== "");
  return value !== undefined && /^zh([_.@-]|$)/i.test(value) ? "zh-CN" : "en";
}

/** `--lang` value → locale: zh, zh-CN, zh_CN (any case) or en; undefined for anything else. */
export function localeOfOption(value: string): Locale | undefined {
  if (/^zh([_-]cn)?$/i.test(value)) return "zh-CN";
  if (/^en([_-][a-z]{2})?$/i.test(value)) return "en";
  return undefined;
}

/**
 * Take `--lang X` / `--lang=X` out of the arguments (anywhere, for every command).
 *
 * @returns the other arguments, and the value given (the last one), if any
 */
export function takeLang(argv: readonly string[]): { rest: string[]; lang?: string; missing?: true } {
  const rest: string[] = [];
  let lang: string | undefined;
  let missing: true | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === "--lang") {
      if (i + 1 < argv.length) lang = argv[++i]!;
      else missing = true;
    } else if (a.startsWith("--lang=")) lang = a.slice("--lang=".length);
    else rest.push(a);
  }
  return { rest, ...(lang !== undefined ? { lang } : {}), ...(missing ? { missing } : {}) };
}
