import type { Capability, FormHandler, Turn } from "../../../conversation/capability.js";
import type { Form, FormState, FormValues } from "../../../conversation/form.js";
import type { ActionValue } from "../../../conversation/message.js";
import { fieldErrors, formProblem, openForm, type Reply, show, tell } from "../../../conversation/reply.js";
import type { Actor } from "../../../core/actor.js";
import { ONLY_OWNERS_SCHEDULE, type ManagementReviewService, type ReviewRefusal } from "../management-review-service.js";
import { actionForm, closeForm, decisionForm, REVIEWER_FIELDS, scheduleForm } from "./management-review-forms.js";
import { MANAGEMENT_REVIEW_IDS as IDS } from "./management-review-ids.js";
import { reviewListView, reviewView } from "./management-review-views.js";
import { MANAGEMENT_REVIEW_WORDING as W } from "./management-review-wording.js";

type Services = { managementReviews: ManagementReviewService };
type ReviewTurn = Turn<Services>;
type Result = { kind: string; message?: string; errors?: Partial<Record<string, string>> };

const REFERENCE = /^MR-\d+$/i;
const referenceOf = (value: ActionValue | FormState) => String(value.reference ?? "").toUpperCase();

/** The values of `form` as the core's schemas read them. */
const rawOf = (form: Form, values: FormValues) => Object.fromEntries(form.fields.map((field) => [field.id, values.text(field.id)]));

async function listReply(turn: ReviewTurn): Promise<Reply> {
  const { managementReviews } = turn.services;
  const canSchedule = await managementReviews.mayOrganise(turn.actor);
  return show(reviewListView(await managementReviews.list(), { canSchedule, zone: managementReviews.zone }));
}

async function reviewReply(turn: ReviewTurn, reference: string): Promise<Reply> {
  const { managementReviews } = turn.services;
  const review = await managementReviews.details(reference);
  if (!review) return tell(W.notFound(reference));
  return show(reviewView(review, { zone: managementReviews.zone, canAct: await managementReviews.mayTakePart(turn.actor, review) }));
}

/** A core result of a submitted form: field errors, a refusal above the form, or the review as it now stands. */
function answer(turn: ReviewTurn, reference: string, result: Result): Promise<Reply> | Reply {
  if (result.kind === "invalid" && result.errors) {
    return fieldErrors(Object.fromEntries(Object.entries(result.errors).filter((entry): entry is [string, string] => Boolean(entry[1]))));
  }
  if (["not_found", "forbidden", "refused"].includes(result.kind)) return formProblem(result.message ?? W.notFound(reference));
  return reviewReply(turn, reference);
}

/** Why this person may not record on this review now, or null (the core checks again on submit). */
async function recordingRefusal(turn: ReviewTurn, reference: string): Promise<string | null> {
  const { managementReviews } = turn.services;
  const review = await managementReviews.find(reference);
  if (!review) return W.notFound(reference);
  if (!(await managementReviews.mayTakePart(turn.actor, review))) return `Only the reviewers of ${review.reference}, whoever organised it and AIMS owners can do that.`;
  if (review.status === "scheduled") return `${review.reference} has not started yet: decisions and actions are recorded from its day on.`;
  return review.status === "closed" ? `${review.reference} is closed: its minutes are final.` : null;
}

function reviewForm(
  formOf: (reference: string) => Form,
  save: (turn: ReviewTurn, reference: string, raw: Record<string, unknown>) => Promise<Result>,
): FormHandler<Services> {
  return {
    form: (state) => formOf(referenceOf(state)),
    refusal: (turn, state) => recordingRefusal(turn, referenceOf(state)),
    async submit(turn, values, state) {
      const reference = referenceOf(state);
      return answer(turn, reference, await save(turn, reference, rawOf(formOf(reference), values)));
    },
  };
}

const opener = (formOf: (reference: string) => Form) => async (turn: ReviewTurn, value: ActionValue) => {
  const reference = referenceOf(value);
  const refusal = await recordingRefusal(turn, reference);
  return refusal ? tell(refusal) : openForm(formOf(reference));
};

const scheduleRefusal = async (turn: ReviewTurn) => ((await turn.services.managementReviews.mayOrganise(turn.actor)) ? null : ONLY_OWNERS_SCHEDULE);

async function runCommand(turn: ReviewTurn, rest: string): Promise<Reply> {
  const words = rest.trim();
  if (words === "") return listReply(turn);
  if (words.toLowerCase() === "schedule") {
    const refusal = await scheduleRefusal(turn);
    return refusal ? tell(refusal) : openForm(scheduleForm());
  }
  if (REFERENCE.test(words)) return reviewReply(turn, words.toUpperCase());
  return tell(W.usage);
}

/** The people named in the schedule form, as actors of the chat it was filled in. */
async function reviewersIn(turn: ReviewTurn, values: FormValues): Promise<Actor[]> {
  const picked = await Promise.all(REVIEWER_FIELDS.map((id) => turn.person(values.text(id))));
  return picked.filter((actor): actor is Actor => actor !== undefined);
}

/**
 * Management reviews (ISO 42001 9.3), the same in both channels: the list and each review, the schedule form (AIMS
 * owners), and the decision, action and closing forms the reviewers use from the inputs they were sent.
 */
export const managementReviewCapability: Capability<Services> = {
  commands: [{ name: "management-review", description: W.description, run: runCommand }],
  actions: {
    [IDS.show]: (turn, value) => reviewReply(turn, referenceOf(value)),
    [IDS.scheduleForm]: async (turn) => {
      const refusal = await scheduleRefusal(turn);
      return refusal ? tell(refusal) : openForm(scheduleForm());
    },
    [IDS.decisionForm]: opener(decisionForm),
    [IDS.actionForm]: opener(actionForm),
    [IDS.closeForm]: opener(closeForm),
  },
  forms: {
    [IDS.schedule]: {
      form: () => scheduleForm(),
      refusal: (turn) => scheduleRefusal(turn),
      async submit(turn, values) {
        const raw = rawOf(scheduleForm(), values);
        const result = await turn.services.managementReviews.schedule(turn.actor, raw, await reviewersIn(turn, values));
        if (result.kind === "scheduled") return reviewReply(turn, result.review.reference);
        return answer(turn, "", result as Result | ReviewRefusal);
      },
    },
    [IDS.decide]: reviewForm(decisionForm, (turn, reference, raw) => turn.services.managementReviews.recordDecision(turn.actor, reference, raw)),
    [IDS.addAction]: reviewForm(actionForm, (turn, reference, raw) => turn.services.managementReviews.addAction(turn.actor, reference, raw)),
    [IDS.close]: reviewForm(closeForm, (turn, reference, raw) => turn.services.managementReviews.close(turn.actor, reference, raw)),
  },
};
