import type { Activity } from "botbuilder";
import { z } from "zod";

const TIMESTAMPS = ["timestamp", "localTimestamp", "expiration"] as const;
const RAW_TIMESTAMPS = { timestamp: "rawTimestamp", localTimestamp: "rawLocalTimestamp", expiration: "rawExpiration" } as const;

const date = z.string().refine((text) => !Number.isNaN(Date.parse(text)));

/** What every activity Teams posts carries, and what a turn needs to answer it. */
const activityShape = z.object({
  type: z.string().min(1),
  channelId: z.string().min(1),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.object({ id: z.string().min(1) }),
  from: z.object({ id: z.string().min(1) }),
  ...Object.fromEntries(TIMESTAMPS.map((field) => [field, date.optional()])),
});

export type IncomingActivity = { ok: true; activity: Activity } | { ok: false; problem: string };

/** The request body as an activity, with its timestamps as dates (as botbuilder's own parsing leaves them). */
export function readIncomingActivity(body: unknown): IncomingActivity {
  const parsed = activityShape.safeParse(body);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".")))];
    return { ok: false, problem: fields.includes("") ? "the body must be a JSON object" : `${fields.join(", ")} missing or invalid` };
  }
  const activity = { ...(body as Record<string, unknown>) };
  for (const field of TIMESTAMPS) {
    const value = activity[field];
    if (typeof value === "string") {
      activity[RAW_TIMESTAMPS[field]] = value;
      activity[field] = new Date(value);
    }
  }
  return { ok: true, activity: activity as unknown as Activity };
}
