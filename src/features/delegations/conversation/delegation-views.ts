import { actions, type Block, type Message, moment, muted, person, section, truncate } from "../../../conversation/message.js";
import type { Delegation } from "../../../db/generated/client.js";
import type { DelegationListing } from "../delegation-service.js";
import { delegateOf, delegatorOf } from "../delegated-places.js";
import { holderText } from "../../requests/conversation/request-views.js";
import { DELEGATION_IDS } from "./delegation-ids.js";
import { DELEGATION_WORDING as W } from "./delegation-wording.js";

const period = (delegation: Delegation) => [moment(delegation.validFrom), moment(delegation.validUntil)] as const;

function lines(delegations: Delegation[], line: (delegation: Delegation) => string, cancellable: boolean): Block[] {
  if (delegations.length === 0) return [section([muted(W.none)])];
  return delegations.map((delegation) =>
    section([line(delegation), muted(W.reasonLine(truncate(delegation.reason, 300)))], {
      id: `delegation:${delegation.id}`,
      ...(cancellable ? { button: { label: W.cancel, action: DELEGATION_IDS.actions.cancel, value: { id: delegation.id }, style: "danger" as const } } : {}),
    }),
  );
}

/** This person's delegations, given (each with Cancel) and received, and a button to name a delegate. */
export function delegationListView(listing: DelegationListing, notice?: string): Message {
  return {
    id: DELEGATION_IDS.actions.list,
    title: W.listTitle,
    summary: W.listSummary(listing.given.length, listing.received.length),
    blocks: [
      ...(notice ? [section([notice], { tone: "good" })] : []),
      section([W.given]),
      ...lines(listing.given, (d) => W.givenLine(person(delegateOf(d)), holderText(d.holder), ...period(d)), true),
      section([W.received]),
      ...lines(listing.received, (d) => W.receivedLine(person(delegatorOf(d)), holderText(d.holder), ...period(d)), false),
      actions([{ label: W.newDelegation, action: DELEGATION_IDS.actions.create, style: "primary" }]),
    ],
  };
}

/** The delegate's message: who they cover for, what, and until when; or that the cover was cancelled. */
export function delegateToldView(delegation: Delegation, change: "created" | "cancelled"): Message {
  const delegator = person(delegatorOf(delegation));
  if (change === "cancelled") return { title: W.cancelledTitle, summary: W.cancelledSummary(delegation.delegatorName ?? W.cancelledTitle), blocks: [section([W.cancelledText(delegator)])] };
  return {
    title: W.toldTitle,
    summary: W.toldSummary(delegation.delegatorName ?? W.toldTitle),
    blocks: [section([W.told(delegator, holderText(delegation.holder), ...period(delegation)), muted(W.reasonLine(truncate(delegation.reason, 300)))]), section([W.toldHow])],
  };
}
