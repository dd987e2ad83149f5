import type { Capability, FormHandler, Turn } from "../../../conversation/capability.js";
import type { Form, FormState, FormValues } from "../../../conversation/form.js";
import { moment, person, type ActionValue } from "../../../conversation/message.js";
import { fieldErrors, formProblem, openForm, type Reply, show, tell } from "../../../conversation/reply.js";
import type { Clock } from "../../../core/clock.js";
import { parseOccurrenceKey } from "../../reminders/due-item.js";
import type { SnoozePeriod } from "../../reminders/reminder-service.js";
import type { Scheduling } from "../scheduling-core.js";
import { digestMessage } from "./digest-view.js";
import { checkInForm, markDoneForm, reassignForm } from "./due-item-forms.js";
import { objectivesView, reviewsView } from "./list-views.js";
import { reminderNotifications } from "./reminder-notifications.js";
import { outcomeMessage } from "./reminder-views.js";
import { objectiveForm, reviewScheduleForm } from "./schedule-forms.js";
import { SCHEDULING_IDS as IDS } from "./scheduling-ids.js";
import { SCHEDULING_WORDING as W } from "./scheduling-wording.js";

type Services = { scheduling: Pick<Scheduling, "reminders" | "reviews" | "objectives" | "digest">; clock: Clock };
type SchedulingTurn = Turn<Services>;

const LOOK_AHEAD_DAYS = 30;
const keyOf = (value: ActionValue | FormState) => String(value.key ?? "");
const referenceOf = (value: ActionValue | FormState) => String(value.reference ?? "");
const withoutEmpty = (errors: Partial<Record<string, string>>) => Object.fromEntries(Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1])));

/** The values of `form` as the core's schemas read them: an empty text is "" (too short), any other empty answer is missing. */
const rawOf = (form: Form, values: FormValues) => Object.fromEntries(form.fields.map((field) => [field.id, values.text(field.id) ?? (field.kind === "text" ? "" : undefined)]));

/** Why this person may not act on the reminder's item, or null (the core checks again on submit). */
async function dueItemRefusal(turn: SchedulingTurn, state: FormState): Promise<string | null> {
  const { reminders } = turn.services.scheduling;
  const item = await reminders.find(keyOf(state));
  if (!item) return W.staleReminder;
  return (await reminders.mayManage(turn.actor, item)) ? null : W.ownersOnly(item.itemId);
}

async function checkInObjective(turn: SchedulingTurn, state: FormState) {
  const parsed = parseOccurrenceKey(keyOf(state));
  return parsed ? turn.services.scheduling.objectives.find(parsed.itemId) : null;
}

/** Mark done with a note or a link as evidence (7.5); the reminder becomes the outcome. */
const markDone: FormHandler<Services> = {
  inline: true,
  form: (state) => markDoneForm(keyOf(state)),
  refusal: dueItemRefusal,
  async submit(turn, values, state) {
    const result = await turn.services.scheduling.reminders.complete(turn.actor, keyOf(state), { note: values.text("note"), link: values.text("link") });
    if (result.kind === "done") return show(outcomeMessage(result.item, W.markedDone(person(turn.actor), moment(turn.services.clock.now()))));
    if (result.kind === "already_done") return show(outcomeMessage(result.item, W.alreadyDone));
    return fieldErrors({ note: result.message });
  },
};

/** Reassign to the person picked; their own channel sends them the reminder (see `assignedReminder`). */
const reassign: FormHandler<Services> = {
  inline: true,
  form: (state) => reassignForm(keyOf(state)),
  refusal: dueItemRefusal,
  async submit(turn, values, state) {
    const owner = await turn.person(values.text("owner"));
    if (!owner) return fieldErrors({ owner: W.chooseNewOwner });
    const result = await turn.services.scheduling.reminders.reassign(turn.actor, keyOf(state), owner);
    if (result.kind !== "reassigned") return fieldErrors({ owner: result.message });
    return show(outcomeMessage(result.item, W.reassigned(result.item.itemId, person(owner))));
  },
};

/** Progress on an objective: on track or not, a number towards the target, a note. */
const checkIn: FormHandler<Services> = {
  inline: true,
  form: async (state, turn) => checkInForm(keyOf(state), (await checkInObjective(turn, state)) ?? undefined),
  refusal: async (turn, state) => ((await checkInObjective(turn, state)) ? null : W.staleCheckIn),
  async submit(turn, values, state) {
    const parsed = parseOccurrenceKey(keyOf(state));
    if (!parsed) return fieldErrors({ progress: W.staleCheckIn });
    const raw = { progress: values.text("progress"), value: values.text("value"), note: values.text("note") };
    const result = await turn.services.scheduling.objectives.checkIn(turn.actor, parsed.itemId, raw, parsed.dueAt);
    if (result.kind === "invalid") return fieldErrors(withoutEmpty(result.errors));
    if ("message" in result) return fieldErrors({ progress: result.message });
    const { objective } = result;
    if (result.kind === "already_recorded") return show(outcomeMessage({ itemId: objective.reference, title: objective.title }, W.alreadyRecorded));
    const unit = objective.unit ? ` ${objective.unit}` : "";
    return show(outcomeMessage({ itemId: objective.reference, title: objective.title }, W.recorded(`${result.checkIn.value}${unit}`, `${objective.targetValue}${unit}`)));
  },
};

const snooze = (period: SnoozePeriod) => async (turn: SchedulingTurn, value: ActionValue) => {
  const result = await turn.services.scheduling.reminders.snooze(turn.actor, keyOf(value), period);
  if (result.kind !== "snoozed") return tell(result.message);
  return show(outcomeMessage(result.item, W.snoozed(period, moment(result.until), result.left)));
};

const reviewRefusal = async (turn: SchedulingTurn) => ((await turn.services.scheduling.reviews.mayEditSchedules(turn.actor)) ? null : W.reviews.ownersOnly);
const objectiveRefusal = async (turn: SchedulingTurn) => ((await turn.services.scheduling.objectives.mayAdd(turn.actor)) ? null : W.objectives.addersOnly);

/** The review schedule form: a new one, or the one named by `reference`. */
async function reviewFormReply(turn: SchedulingTurn, reference: string): Promise<Reply> {
  const refusal = await reviewRefusal(turn);
  if (refusal) return tell(refusal);
  if (!reference) return openForm(reviewScheduleForm());
  const schedule = await turn.services.scheduling.reviews.findSchedule(reference);
  return schedule ? openForm(reviewScheduleForm(schedule, turn.actor.channel)) : tell(W.reviews.notFound(reference));
}

async function objectiveFormReply(turn: SchedulingTurn): Promise<Reply> {
  const refusal = await objectiveRefusal(turn);
  return refusal ? tell(refusal) : openForm(objectiveForm());
}

async function reviewsCommand(turn: SchedulingTurn, rest: string): Promise<Reply> {
  if (rest.trim().toLowerCase() === "add") return reviewFormReply(turn, "");
  const { reviews } = turn.services.scheduling;
  const [due, schedules, canEdit] = await Promise.all([reviews.dueWithin(LOOK_AHEAD_DAYS, turn.actor), reviews.listSchedules(), reviews.mayEditSchedules(turn.actor)]);
  return show(reviewsView(due, schedules, { days: LOOK_AHEAD_DAYS, canEdit }));
}

async function objectivesCommand(turn: SchedulingTurn, rest: string): Promise<Reply> {
  if (rest.trim().toLowerCase() === "add") return objectiveFormReply(turn);
  const { objectives } = turn.services.scheduling;
  return show(objectivesView(await objectives.list(), await objectives.mayAdd(turn.actor)));
}

async function digestCommand(turn: SchedulingTurn, rest: string): Promise<Reply> {
  if (rest.trim().toLowerCase() !== "preview") return tell(W.digest.usage);
  const result = await turn.services.scheduling.digest.preview(turn.actor);
  return result.kind === "forbidden" ? tell(result.message) : show(digestMessage(result.report));
}

/**
 * Scheduling, the same in both channels: what the reminders' buttons do (mark done, snooze, reassign, record
 * progress), review schedules and AI objectives (lists and forms), and the managers' digest preview.
 */
export const schedulingCapability: Capability<Services> = {
  commands: [
    { name: "reviews", description: W.reviews.description, run: reviewsCommand },
    { name: "objectives", description: W.objectives.description, run: objectivesCommand },
    { name: "digest", description: W.digest.description, visibleTo: (services, actor) => services.scheduling.digest.mayPreview(actor), run: digestCommand },
  ],
  actions: {
    [IDS.snoozeDay]: snooze("day"),
    [IDS.snoozeWeek]: snooze("week"),
    [IDS.reviewForm]: (turn, value) => reviewFormReply(turn, referenceOf(value)),
    [IDS.objectiveForm]: (turn) => objectiveFormReply(turn),
  },
  forms: {
    [IDS.markDone]: markDone,
    [IDS.reassign]: reassign,
    [IDS.checkIn]: checkIn,
    [IDS.saveReview]: {
      form: async (state, turn) => {
        const schedule = referenceOf(state) ? await turn.services.scheduling.reviews.findSchedule(referenceOf(state)) : null;
        return reviewScheduleForm(schedule ?? undefined, turn.actor.channel);
      },
      refusal: reviewRefusal,
      async submit(turn, values, state) {
        const reference = referenceOf(state);
        const result = await turn.services.scheduling.reviews.saveSchedule(turn.actor, rawOf(reviewScheduleForm(), values), reference || undefined);
        if (result.kind === "invalid") return fieldErrors(withoutEmpty(result.errors));
        if (result.kind !== "saved") return formProblem(result.message);
        const { schedule } = result;
        return show(outcomeMessage({ itemId: schedule.reference, title: schedule.title }, W.reviews.saved(result.created, schedule.intervalMonths, moment(schedule.nextDueAt))));
      },
    },
    [IDS.saveObjective]: {
      form: () => objectiveForm(),
      refusal: objectiveRefusal,
      async submit(turn, values) {
        const result = await turn.services.scheduling.objectives.add(turn.actor, rawOf(objectiveForm(), values));
        if (result.kind === "invalid") return fieldErrors(withoutEmpty(result.errors));
        if (result.kind === "forbidden") return formProblem(result.message);
        const { objective } = result;
        return show(outcomeMessage({ itemId: objective.reference, title: objective.title }, W.objectives.added(objective.cadence, moment(objective.nextCheckInAt))));
      },
    },
  },
  notifications: reminderNotifications,
};
