import type { FieldErrors, Form } from "./form.js";
import type { Message } from "./message.js";

/**
 * What a handler answers, for the channel to carry out in its own way:
 * - `tell`: a short text for the person; on a submitted form, the form stays open and shows it;
 * - `show`: the message replaces what the person is looking at (the clicked card, the modal, the form);
 * - `form`: a form opens (Slack: a modal, pushed over the one clicked in; Teams: the card becomes the form);
 * - `errors`: the submitted form stays open with a problem under each field, and `problem` above them all.
 */
export type Reply =
  | { kind: "tell"; text: string }
  /**
   * The record changed and every message showing it is updated by its publisher; `message` is how it looks now,
   * for a channel that answers a click with a view (Teams replaces the card; Slack just closes the form).
   */
  | { kind: "changed"; message: Message }
  /** The form is finished: it closes, and the person is told `text` (Slack by DM, Teams in place). */
  | { kind: "done"; text: string }
  | { kind: "show"; message: Message }
  | { kind: "form"; form: Form }
  | { kind: "errors"; errors: FieldErrors; problem?: string };

export const tell = (text: string): Reply => ({ kind: "tell", text });
export const show = (message: Message): Reply => ({ kind: "show", message });
export const changed = (message: Message): Reply => ({ kind: "changed", message });
export const done = (text: string): Reply => ({ kind: "done", text });
export const openForm = (form: Form): Reply => ({ kind: "form", form });
export const fieldErrors = (errors: FieldErrors, problem?: string): Reply => ({ kind: "errors", errors, problem });
/** A problem with the form as a whole (a conflicting edit, an outage): the answers stay, the text says why. */
export const formProblem = (problem: string): Reply => ({ kind: "errors", errors: {}, problem });

/** Told when a button or form refers to something the bot cannot show any more. */
export const NO_LONGER_AVAILABLE = "That is no longer available. Start again from the command.";

/** Shown above a form sent back with errors on its fields and no other explanation. */
export const FIX_MARKED_ANSWERS = "Please fix the answers marked below.";

/** The words of a reply, for a place that can only show text. */
export function replyText(reply: Reply): string {
  switch (reply.kind) {
    case "tell":
    case "done":
      return reply.text;
    case "errors":
      return reply.problem ?? Object.values(reply.errors).join("\n");
    case "show":
    case "changed":
      return reply.message.summary;
    case "form":
      return reply.form.title;
  }
}

/** Runs a handler; a failure becomes the reply `onError` makes of it, so the person always gets an answer. */
export async function answerOf(run: () => Promise<Reply>, onError: (error: unknown) => Reply): Promise<Reply> {
  try {
    return await run();
  } catch (error) {
    return onError(error);
  }
}
