import type { Clock } from "../../../core/clock.js";
import type { Capability, Turn } from "../../../conversation/capability.js";
import type { FormValues } from "../../../conversation/form.js";
import type { ActionValue } from "../../../conversation/message.js";
import { done, fieldErrors, openForm, type Reply, show, tell } from "../../../conversation/reply.js";
import { snoozesLeftLine, type SnoozePeriod } from "../../reminders/snooze.js";
import type { CampaignService } from "../campaign-service.js";
import type { PolicyService, PublishResult } from "../policy-service.js";
import type { TrainingService } from "../../training/training-service.js";
import { type CampaignChoices, campaignForm, draftPublishForm, publishForm } from "./policy-forms.js";
import { POLICY_IDS } from "./policy-ids.js";
import { acceptedView, campaignsView, fullTextView, policiesView } from "./policy-views.js";
import { POLICY_WORDING as W } from "./policy-wording.js";

export interface PolicyServices {
  clock: Clock;
  policies: PolicyService;
  campaigns: CampaignService;
  training: TrainingService;
}

type PolicyTurn = Turn<PolicyServices>;

const refusalOf = (turn: PolicyTurn) => turn.services.policies.ownerRefusal(turn.actor);
const isOwner = async (turn: PolicyTurn) => (await refusalOf(turn)) === null;

/** The documents to accept, and for AIMS owners the published ones. */
async function policiesReply(turn: PolicyTurn): Promise<Reply> {
  const { policies, campaigns } = turn.services;
  const pending = await campaigns.pendingFor(turn.actor);
  return show(policiesView(pending, (await isOwner(turn)) ? await policies.documents() : null));
}

async function campaignsReply(turn: PolicyTurn): Promise<Reply> {
  const refusal = await refusalOf(turn);
  if (refusal) return tell(refusal);
  const { campaigns, clock } = turn.services;
  const progress = await campaigns.progress();
  const rows = await Promise.all(progress.map(async (one) => ({ progress: one, waiting: await campaigns.notAccepted(one.campaign, 10) })));
  return show(campaignsView(rows, clock.now(), turn.roomy));
}

async function startForm(turn: PolicyTurn, versionId?: number): Promise<Reply> {
  const refusal = await refusalOf(turn);
  if (refusal) return tell(refusal);
  const choices = await campaignChoices(turn);
  if (choices.documents.length === 0 && choices.modules.length === 0) return tell(W.noDocumentsToCampaign);
  return openForm(campaignForm(choices, versionId));
}

async function campaignChoices(turn: PolicyTurn): Promise<CampaignChoices> {
  const { policies, campaigns, training } = turn.services;
  return { documents: await policies.documents(), modules: training.modules(), groups: await campaigns.groups(), systems: await campaigns.systems() };
}

async function publishFormReply(turn: PolicyTurn): Promise<Reply> {
  const refusal = await refusalOf(turn);
  return refusal ? tell(refusal) : openForm(publishForm());
}

async function snoozeReply(turn: PolicyTurn, value: ActionValue, period: SnoozePeriod): Promise<Reply> {
  const result = await turn.services.campaigns.snoozeReminder(turn.actor, Number(value.campaignId), period);
  return tell(result.kind === "snoozed" ? W.snoozed(result.until, snoozesLeftLine(result.left)) : result.message);
}

function publishedReply(result: PublishResult): Reply {
  if (result.kind === "forbidden") return tell(result.message);
  if (result.kind === "invalid") return fieldErrors(result.errors as Record<string, string>);
  const { version } = result;
  return done(result.kind === "unchanged" ? W.unchanged(version.document.title, version.version) : W.published(version.document.title, version.version, version.sha256));
}

const versionOf = (value: ActionValue) => Number(value.versionId);
const campaignOf = (value: ActionValue) => (value.campaignId ? Number(value.campaignId) : null);

const rawPolicy = (values: FormValues) => ({
  title: values.text("title"),
  summary: values.text("summary"),
  body: values.text("body"),
  requiresAcknowledgement: values.list("requiresAcknowledgement"),
});

const rawCampaign = (values: FormValues) => ({
  versionId: values.text("versionId"),
  audience: values.text("audience"),
  systemId: values.text("systemId"),
  deadline: values.text("deadline"),
  newJoiners: values.list("newJoiners"),
});

/**
 * Policies and campaigns in chat (ISO 42001 5.2, 7.3, 7.4, A.2.2): AIMS owners publish versioned documents and start
 * campaigns; each person reads and accepts from the bot's message, once; `/aims campaign` shows who has and who is
 * late. Every click and save asks the database again who may do what.
 */
export const policyCapability: Capability<PolicyServices> = {
  commands: [
    {
      name: "policy",
      description: W.policyCommand,
      run: async (turn, rest) => (rest.trim() === "publish" ? publishFormReply(turn) : policiesReply(turn)),
    },
    {
      name: "campaign",
      description: W.campaignCommand,
      visibleTo: async (services, actor) => (await services.policies.ownerRefusal(actor)) === null,
      run: async (turn, rest) => (rest.trim() === "start" ? startForm(turn) : campaignsReply(turn)),
    },
  ],
  actions: {
    [POLICY_IDS.actions.publish]: (turn) => publishFormReply(turn),
    [POLICY_IDS.actions.startCampaign]: (turn, value) => startForm(turn, value.versionId ? Number(value.versionId) : undefined),
    [POLICY_IDS.actions.progress]: (turn) => campaignsReply(turn),
    [POLICY_IDS.actions.read]: async (turn, value) => {
      const version = await turn.services.policies.version(versionOf(value));
      return version ? show(fullTextView(version, campaignOf(value), turn.roomy)) : tell(W.unknownVersion);
    },
    [POLICY_IDS.actions.publishDraft]: async (turn, value) => {
      const refusal = await refusalOf(turn);
      if (refusal) return tell(refusal);
      const draft = await turn.services.policies.draftOf(turn.actor, Number(value.draftId));
      return draft ? openForm(draftPublishForm(draft)) : tell(W.draftGone);
    },
    [POLICY_IDS.actions.snoozeDay]: (turn, value) => snoozeReply(turn, value, "day"),
    [POLICY_IDS.actions.snoozeWeek]: (turn, value) => snoozeReply(turn, value, "week"),
    [POLICY_IDS.actions.accept]: async (turn, value) => {
      const result = await turn.services.policies.acknowledge(turn.actor, versionOf(value), campaignOf(value));
      switch (result.kind) {
        case "unknown":
          return tell(W.unknownVersion);
        case "outdated":
          return tell(W.outdated(result.version.document.title, result.version.version, result.current.version));
        case "already":
          return tell(W.alreadyAccepted(result.version.document.title, result.version.version, result.acknowledgement.acknowledgedAt));
        case "accepted":
          return show(acceptedView(result.version, result.acknowledgement));
      }
    },
  },
  forms: {
    [POLICY_IDS.views.publish]: {
      refusal: refusalOf,
      form: () => publishForm(),
      submit: async (turn, values) => publishedReply(await turn.services.policies.publish(turn.actor, rawPolicy(values), "chat")),
    },
    [POLICY_IDS.views.publishDraft]: {
      refusal: refusalOf,
      form: async (state, turn) => {
        const draft = await turn.services.policies.draftOf(turn.actor, Number(state.draftId));
        return draft ? draftPublishForm(draft) : undefined;
      },
      async submit(turn, values, state) {
        const result = await turn.services.policies.publishDraft(turn.actor, Number(state.draftId), rawPolicy(values));
        return publishedReply(result.kind === "gone" ? { kind: "forbidden", message: W.draftGone } : result);
      },
    },
    [POLICY_IDS.views.startCampaign]: {
      refusal: refusalOf,
      form: async (_state, turn) => campaignForm(await campaignChoices(turn)),
      // Planning a large audience outlasts Slack's 3 seconds: mistakes are answered at once, then the campaign starts.
      slow: {
        async check(turn, values) {
          const problem = await turn.services.campaigns.check(turn.actor, rawCampaign(values));
          if (!problem) return undefined;
          return problem.kind === "forbidden" ? tell(problem.message) : fieldErrors(problem.errors as Record<string, string>);
        },
        progress: W.starting,
      },
      async submit(turn, values) {
        const result = await turn.services.campaigns.start(turn.actor, rawCampaign(values));
        if (result.kind === "forbidden") return tell(result.message);
        if (result.kind === "invalid") return fieldErrors(result.errors as Record<string, string>);
        const { campaign, recipients } = result;
        return done(W.started(campaign.id, campaign.subject, campaign.audienceLabel, recipients, campaign.deadline));
      },
    },
  },
};
