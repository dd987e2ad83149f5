import { command } from "../../../conversation/message.js";
import type { AiToolRequest } from "../../../db/generated/client.js";

type Status = AiToolRequest["status"];
type Risk = AiToolRequest["riskTier"];

/** The sentences of AI tool requests, in both channels: the approvals message, the requester's messages, the listings. */
export const REQUEST_WORDING = {
  status: { pending: "⏳ Pending approval", approved: "✅ Approved", rejected: "❌ Rejected", changes_requested: "✏️ Changes requested", withdrawn: "↩️ Withdrawn" } satisfies Record<Status, string>,
  risk: { low: "🟢 Low", medium: "🟡 Medium", high: "🔴 High" } satisfies Record<Risk, string>,
  outcome: { approved: "Approved", rejected: "Rejected", changes_requested: "Changes requested", withdrawn: "Withdrawn" } satisfies Record<Exclude<Status, "pending">, string>,
  stagesHeading: "**Approval stages**",
  stageIcon: { approved: "✅", rejected: "❌", changes_requested: "✏️", waiting: "⏳", later: "⏸" } as const,
  stageLine: (icon: string, step: number, name: string, rule: string) => `${icon} ${step}. **${name}** (${rule})`,
  anyOf: (holders: string) => `any of ${holders}`,
  allOf: (holders: string) => `one each of ${holders}`,
  roleHolder: (role: string) => `the ${role}s`,
  groupHolder: (group: string) => `the ${group} group`,
  stageDecided: (outcome: string, decider: string, when: string) => `${outcome} by ${decider} on ${when}`,
  stageWaiting: (holders: string) => `waiting for ${holders}`,
  stageLater: "opens once the stages before it are approved",
  conditionsLabel: "Conditions",
  onlyIf: (conditions: string) => `on condition: “${conditions}”`,
  approveStage: (stage: string) => `Approve · ${stage}`,
  rejectStage: (stage: string) => `Reject · ${stage}`,
  changesStage: (stage: string) => `Changes · ${stage}`,
  yes: "Yes",
  no: "No",
  heading: (reference: string, tool: string) => `${reference}: ${tool}`,
  facts: {
    requestedBy: "Requested by",
    vendor: "Vendor",
    risk: "Risk tier",
    status: "Status",
    users: "Who will use it",
    data: "Data",
    customers: "Output reaches customers",
    people: "Decisions about people",
    role: "Our role",
    link: "Link",
    purpose: "Purpose",
  },
  riskWithReasons: (risk: string, reasons: string) => `${risk} (${reasons})`,
  usersAbout: (users: string, count: number) => `${users} (about ${count})`,
  approvalSummary: (reference: string, tool: string, status: string) => `AI tool request ${reference}: ${tool} (${status})`,
  resubmitted: (revision: number) => `Resubmitted with changes (revision ${revision}).`,
  decided: (outcome: string, decider: string, when: string) => `**${outcome}** by ${decider} on ${when}`,
  quoted: (reason: string) => `“${reason}”`,

  receiptTitle: "Request received",
  receiptSummary: (reference: string) => `Your request ${reference} is with the approvers`,
  receipt: (reference: string, tool: string, resubmitted: boolean) =>
    `Thanks! Your request **${reference}** for **${tool}**${resubmitted ? " (resubmitted)" : ""} is with the AIMS approvers.`,
  receiptNext: (risk: string) =>
    `Risk tier: ${risk}. You'll hear here when it is decided; until then please don't put company data into the tool. ${command("status")} shows all your requests.`,
  decisionTitle: "Your AI tool request",
  decisionSummary: (reference: string, tool: string, outcome: string) => `Your request ${reference} for ${tool}: ${outcome}`,
  decisionIntro: (reference: string, tool: string) => `Your request **${reference}** for **${tool}**:`,
  conditionsOfApproval: (conditions: string) => `**Approved on these conditions:** ${conditions}`,
  registered: (system: string, review: string) => `It is now in the AI system register as **${system}**, with you as owner. Next review: ${review}.`,
  editAndResubmit: "Edit and resubmit",
  edit: (reference: string) => `Edit ${reference}`,

  statusTitle: "Your AI tool requests",
  statusSummary: (count: number) => `You have ${count} AI tool request(s).`,
  noRequests: `You have no AI tool requests yet. Start one with ${command("request")}.`,
  statusLine: (reference: string, tool: string, status: string, risk: string, day: string) => `**${reference}** ${tool} · ${status} · risk ${risk} · ${day}`,

  registerTitle: "AI system register",
  registerHeading: (reference: string, name: string, vendor: string) => `**${reference}** ${name} · ${vendor}`,
  registerDetails: (risk: string, role: string, owner: string, review: string, suspended: boolean) =>
    `risk ${risk} · ${role} · owner ${owner} · next review ${review}${suspended ? " · ⏸ suspended" : ""}`,
  approve: "Approve",
  reject: "Reject",
  requestChanges: "Request changes",
  reasonLabel: "Reason (needed to reject or to request changes)",
  reasonForm: {
    rejected: { title: "Reject request", submit: "Reject", label: "Why is it rejected?" },
    changes_requested: { title: "Request changes", submit: "Send", label: "What should change?" },
  },
  rejecting: (reference: string) => `Rejecting **${reference}**. The requester will see your reason.`,
  askingChanges: (reference: string) => `Asking for changes to **${reference}**. The requester can edit and resubmit it.`,
  giveReason: "Please give a reason.",
  giveReasonFor: { rejected: "Please give a reason for rejecting.", changes_requested: "Please say what should change." },
  reasonRequired: "A reason is needed to reject a request or ask for changes.",
  alreadyDecidedBy: (reference: string, decider: string) => `${reference} was already decided by ${decider}.`,
  changedSince: (reference: string, status: string, revision: number) =>
    `${reference} has changed since you saw it (it is now ${status}, revision ${revision}).`,
  notFound: (reference: string) => `I can't find request ${reference}.`,
  notFoundThat: "I can't find that request.",
  outOfDate: "That is out of date. Please use the latest message.",
  formOutOfDate: `That form is out of date. Send ${command("request")} again for a new one.`,

  formTitle: "Request an AI tool",
  formIntro: "Tell the AIMS approvers which AI tool you want to use and how. Everything here stays in the AI register.",
  submit: "Submit",
  cancel: "Cancel",
  approverAsked: (reason: string) => `**The approver asked:** ${reason}`,

  requestDescription: "Ask to start using a new AI tool. Approvers decide; you get a receipt and the outcome in your chat with the bot.",
  statusDescription: "List your AI tool requests and where each one stands.",
  registerDescription: "See the AI system register: approved AI tools, their risk, owner and next review. Add a name to search it.",
  narrowDown: `Narrow it down with ${command("register <name>")}; the audit pack lists every entry.`,
} as const;
