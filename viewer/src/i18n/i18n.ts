// The viewer's language and the localised formatting of numbers, shares and times (Intl).
// Pure functions take the language; `I18n` holds the current one and tells components when it
// changes, so a switch re-renders text in place (no page reload, no map reload).
import { en, zh, type MessageKey } from "./messages";

export type Lang = "zh" | "en";
export type { MessageKey };

const Dictionaries: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** BCP 47 locale per language, for Intl. */
export const Locales: Record<Lang, string> = { zh: "zh-CN", en: "en-GB" };

/** Every user is in China: times are shown in China Standard Time whatever the machine's zone. */
export const TimeZone = "Asia/Shanghai";

export const LangStorageKey = "riskmap.lang";

/** `?lang=` wins, then the stored choice, else Chinese. */
export function resolveLang(fromUrl: string | null, stored: string | null): Lang {
  for (const v of [fromUrl, stored]) if (v === "zh" || v === "en") return v;
  return "zh";
}

export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return Dictionaries[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f as T;
}

/** 12,345; "—" for a missing value. */
export function formatCount(lang: Lang, n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return "—";
  return cached(`n${lang}`, () => new Intl.NumberFormat(Locales[lang], { maximumFractionDigits: 0 })).format(n);
}

/** A share 0–1 as 33.3%; "—" for a missing value. */
export function formatShare(lang: Lang, share: number | null | undefined): string {
  if (share == null || !Number.isFinite(share)) return "—";
  return cached(`p${lang}`, () =>
    new Intl.NumberFormat(Locales[lang], { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 })).format(share);
}

/** 14:03 (China time). */
export function formatTime(lang: Lang, at: Date | number | string, seconds = false): string {
  const key = `t${lang}${seconds}`;
  return cached(key, () => new Intl.DateTimeFormat(Locales[lang], {
    hour: "2-digit", minute: "2-digit", ...(seconds ? { second: "2-digit" } : {}), hourCycle: "h23", timeZone: TimeZone,
  })).format(new Date(at));
}

/** 2026/11/20 14:03 in Chinese, 20 Nov 2026, 14:03 in English (China time); with `seconds`, 14:03:05. */
export function formatDateTime(lang: Lang, at: Date | number | string, seconds = false): string {
  return cached(`d${lang}${seconds}`, () => new Intl.DateTimeFormat(Locales[lang], {
    year: "numeric", month: lang === "zh" ? "2-digit" : "short", day: "2-digit", hour: "2-digit", minute: "2-digit",
    ...(seconds ? { second: "2-digit" } : {}), hourCycle: "h23", timeZone: TimeZone,
  })).format(new Date(at));
}

/** Month and day for chart axes: 11/20 or 20 Nov. */
export function formatDay(lang: Lang, at: Date | number | string): string {
  return cached(`m${lang}`, () => new Intl.DateTimeFormat(Locales[lang], {
    month: lang === "zh" ? "numeric" : "short", day: "numeric", timeZone: TimeZone,
  })).format(new Date(at));
}

/** The current language, its formatters bound, and listeners for a switch. */
export class I18n {
  private readonly listeners = new Set<() => void>();

  constructor(private current: Lang) {}

  get lang(): Lang {
    return this.current;
  }

  get locale(): string {
    return Locales[this.current];
  }

  set(lang: Lang): void {
    if (lang === this.current) return;
    this.current = lang;
    for (const l of [...this.listeners]) l();
  }

  /** Calls `listener` after every switch; returns a function that stops it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  t = (key: MessageKey, params?: Record<string, string | number>): string => translate(this.current, key, params);
  count = (n: number | null | undefined): string => formatCount(this.current, n);
  share = (s: number | null | undefined): string => formatShare(this.current, s);
  time = (at: Date | number | string, seconds = false): string => formatTime(this.current, at, seconds);
  dateTime = (at: Date | number | string, seconds = false): string => formatDateTime(this.current, at, seconds);
  day = (at: Date | number | string): string => formatDay(this.current, at);
}

/** The stored choice, if storage is readable. */
export function storedLang(): string | null {
  try {
    return localStorage.getItem(LangStorageKey);
  } catch {
    return null;
  }
}

/** Keeps <html lang> and the window title in the current language. */
export function followLanguage(i18n: I18n): void {
  const apply = () => {
    document.documentElement.lang = i18n.locale;
    document.title = `RiskMap · ${i18n.t("appTitle")}`;
  };
  apply();
  i18n.onChange(apply);
}
