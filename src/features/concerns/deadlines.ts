const DAY_MS = 86_400_000;

/**
 * The UTC calendar day of an instant, as midnight UTC. Anonymous concerns keep days, never instants: a precise
 * time could be matched against Slack's records of who was active when.
 */
export function dayOf(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

/** `days` working days (Monday to Friday) after `day`. Public holidays are not known, so they count as working days. */
export function addBusinessDays(day: Date, days: number): Date {
  let current = dayOf(day);
  let remaining = days;
  while (remaining > 0) {
    current = new Date(current.getTime() + DAY_MS);
    const weekday = current.getUTCDay();
    if (weekday !== 0 && weekday !== 6) remaining -= 1;
  }
  return current;
}

export function addDays(day: Date, days: number): Date {
  return new Date(dayOf(day).getTime() + days * DAY_MS);
}

export interface ConcernDeadlines {
  receivedOn: Date;
  acknowledgeBy: Date;
  resolveBy: Date;
}

export function concernDeadlines(now: Date, settings: { acknowledgeBusinessDays: number; resolutionDays: number }): ConcernDeadlines {
  const receivedOn = dayOf(now);
  return {
    receivedOn,
    acknowledgeBy: addBusinessDays(receivedOn, settings.acknowledgeBusinessDays),
    resolveBy: addDays(receivedOn, settings.resolutionDays),
  };
}
