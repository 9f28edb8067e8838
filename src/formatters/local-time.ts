/**
 * Report time stamps in local time (本地时间): reports are read by people, who count in their own
 * time zone, not UTC. The zone is `FormatOptions.timeZone` (an IANA name), Asia/Shanghai by default;
 * `reportTimeZone` picks it from the command line, the config and the environment.
 */

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Whether the runtime knows the IANA zone name. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `2026-01-15 16:30:00 (Asia/Shanghai)`; the ISO text as given when it is not a date. */
export function localTime(iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const zone = isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} (${zone})`;
}

/** The settings a report's time zone can come from, strongest first. */
export interface TimeZoneSources {
  /** `--time-zone` (checked when parsed). */
  option?: string;
  /** `timeZone` of the config file (checked by the config schema). */
  config?: string;
  /** The `TZ` environment variable: used when it names an IANA zone (`Asia/Urumqi`, `:UTC`), else ignored. */
  env?: string;
}

/** The time zone of the reports: `--time-zone`, else the config's `timeZone`, else `TZ`, else Asia/Shanghai. */
export function reportTimeZone(sources: TimeZoneSources): string {
  const candidates = [sources.option, sources.config, sources.env?.replace(/^:/, '')];
  for (const zone of candidates) if (zone && isTimeZone(zone)) return zone;
  return DEFAULT_TIME_ZONE;
}
