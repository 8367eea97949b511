/**
 * Calendar arithmetic in the city's time zone. Hirakawa is in JST (UTC+9, no daylight saving), so
 * a fixed offset is exact, and results do not depend on the time zone of the machine running them.
 */
export const JST_OFFSET_MINUTES = 9 * 60;
const DAY_MS = 86_400_000;

/** The local calendar date of an instant: `YYYY-MM-DD`. */
export function localDate(time: number, offsetMinutes = JST_OFFSET_MINUTES): string {
  return new Date(time + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** ISO 8601 with the offset written out: `2025-04-01T09:30:00+09:00`. */
export function formatLocalTime(time: number, offsetMinutes = JST_OFFSET_MINUTES): string {
  const local = new Date(time + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Midnight at the start of a local date, as an instant. */
export function startOfLocalDay(date: string, offsetMinutes = JST_OFFSET_MINUTES): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`日付は YYYY-MM-DD で指定してください: ${date}`);
  return Date.parse(`${date}T00:00:00Z`) - offsetMinutes * 60_000;
}

/** `{from, to}` covering whole local days `first`..`last` inclusive (to is exclusive: the next midnight). */
export function localDayRange(first: string, last: string, offsetMinutes = JST_OFFSET_MINUTES): { from: number; to: number } {
  return { from: startOfLocalDay(first, offsetMinutes), to: startOfLocalDay(last, offsetMinutes) + DAY_MS };
}

export interface IsoWeek {
  /** `2025-W14` */
  id: string;
  /** The Monday, `YYYY-MM-DD`. */
  monday: string;
}

/** The ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday) of a local date. */
export function isoWeekOf(date: string): IsoWeek {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = new Date(day.getTime() - weekday * DAY_MS);
  const thursday = new Date(monday.getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { id: `${year}-W${String(week).padStart(2, '0')}`, monday: monday.toISOString().slice(0, 10) };
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
