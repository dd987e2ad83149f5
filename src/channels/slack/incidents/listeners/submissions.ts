import type { SlackContext } from "../../context.js";
import type { TimelineNoteMetadata } from "../blocks/follow-up-modals.js";
import { incidentModalSubmission, outcomeOf } from "./modal-submission.js";

/** The report form: private_metadata is the idempotency key, so a retried submit records one incident. */
export const reportSubmission = (ctx: SlackContext) =>
  incidentModalSubmission(ctx, "title", async ({ actor, form, view }) => {
    const result = await ctx.core.incidents.report(actor, form, `slack:${view.id}:${view.private_metadata}`);
    return result.ok ? { saved: true } : { errors: result.errors };
  });

export const closingSubmission = (ctx: SlackContext) =>
  incidentModalSubmission(ctx, "rootCause", async ({ actor, form, view }) =>
    outcomeOf(await ctx.core.incidents.close(actor, view.private_metadata, form)),
  );

export const correctiveActionSubmission = (ctx: SlackContext) =>
  incidentModalSubmission(ctx, "description", async ({ actor, form, view }) =>
    outcomeOf(await ctx.core.incidents.addCorrectiveAction(actor, view.private_metadata, form)),
  );

export const externalReportSubmission = (ctx: SlackContext) =>
  incidentModalSubmission(ctx, "recipient", async ({ actor, form, view }) =>
    outcomeOf(await ctx.core.incidents.recordExternalReportDecision(actor, view.private_metadata, form)),
  );

/** "Add to incident timeline": the note keeps where it was taken from. */
export const timelineNoteSubmission = (ctx: SlackContext) =>
  incidentModalSubmission(ctx, "note", async ({ actor, form, view }) => {
    const reference = typeof form.incident === "string" ? form.incident : "";
    if (!reference) return { errors: { incident: "Choose the incident" } };
    const { source } = JSON.parse(view.private_metadata) as TimelineNoteMetadata;
    const note = typeof form.note === "string" ? form.note : "";
    return outcomeOf(await ctx.core.incidents.addNote(actor, reference, note, source));
  });
