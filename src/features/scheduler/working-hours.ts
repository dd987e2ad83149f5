import { DateTime, IANAZone, type Zone } from "luxon";

export interface DeliveryWindow {
  /** Minutes after local midnight. */
  startMinute: number;
  endMinute: number;
  /** Whether Saturday and Sunday are delivery days. */
  weekends: boolean;
}

/**
 * An IANA time zone whose UTC offsets are remembered per minute. Luxon asks Intl for the offset on every date
 * operation, which made one request's stage deadlines cost more CPU than saving it; zone rules change offsets only
 * on whole minutes, so one answer holds for the whole minute.
 */
class RememberedZone extends IANAZone {
  private readonly offsets = new Map<number, number>();

  override offset(ts: number): number {
    const minute = Math.floor(ts / 60_000);
    let offset = this.offsets.get(minute);
    if (offset === undefined) {
      offset = super.offset(ts);
      if (this.offsets.size >= 50_000) this.offsets.clear();
      this.offsets.set(minute, offset);
    }
    return offset;
  }
}

const zones = new Map<string, Zone>();
const zoneNamed = (name: string): Zone => {
  let zone = zones.get(name);
  if (!zone) {
    zone = IANAZone.isValidZone(name) ? new RememberedZone(name) : IANAZone.create("UTC");
    zones.set(name, zone);
  }
  return zone;
};

/**
 * The first moment at or after `at` that falls inside the recipient's working hours in their timezone. Local wall
 * times are computed with luxon, so a day that is 23 or 25 hours long (daylight saving) still opens at its own 09:00.
 */
export function nextDeliveryTime(at: Date, zone: string, window: DeliveryWindow): Date {
  let local = DateTime.fromJSDate(at, { zone: zoneNamed(zone) });
  for (let day = 0; day < 8; day += 1) {
    const midnight = local.startOf("day");
    const opens = wallClock(midnight, window.startMinute);
    const closes = wallClock(midnight, window.endMinute);
    const workingDay = window.weekends || midnight.weekday < 6;
    // biome-ignore lint/complexity/useMathMinMax: Luxon DateTimes, which Math.max would turn into numbers
    if (workingDay && local < closes) return (local > opens ? local : opens).toJSDate();
    local = midnight.plus({ days: 1 });
  }
  throw new Error("no working time within a week: check AIMS_WORKING_HOURS");
}

/** Local wall-clock time on that day (not "midnight plus N minutes", which is off by an hour on DST days). */
function wallClock(midnight: DateTime, minuteOfDay: number): DateTime {
  if (minuteOfDay >= 24 * 60) return midnight.plus({ days: 1 }).startOf("day");
  return midnight.set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 });
}

/**
 * The moment `hours` working hours after `start`, counted only inside the working window in `zone` (a deadline of 16
 * working hours opened on Friday afternoon falls on Tuesday). Each working day's end is a wall-clock time, as above.
 */
export function addWorkingHours(start: Date, hours: number, zone: string, window: DeliveryWindow): Date {
  let remainingMs = hours * 3600_000;
  let at = nextDeliveryTime(start, zone, window);
  for (;;) {
    const local = DateTime.fromJSDate(at, { zone: zoneNamed(zone) });
    const closes = wallClock(local.startOf("day"), window.endMinute);
    const left = closes.toMillis() - at.getTime();
    if (remainingMs <= left) return new Date(at.getTime() + remainingMs);
    remainingMs -= left;
    at = nextDeliveryTime(closes.toJSDate(), zone, window);
  }
}
