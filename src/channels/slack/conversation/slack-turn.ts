import type { Core } from "../../../app/core.js";
import type { Actor } from "../../../core/actor.js";
import type { Capability, Turn } from "../../../conversation/capability.js";
import type { SlackContext } from "../context.js";
import { failureMessage } from "../reply.js";
import { slackActor } from "../slack-actor.js";

/** A Slack modal holds 100 blocks: room for a long message. A picked person is a Slack user id. */
export const slackTurn = (ctx: SlackContext, actor: Actor, conversation?: string): Turn<Core> => ({
  services: ctx.core,
  actor,
  logger: ctx.logger,
  roomy: true,
  conversation,
  person: async (id) => (id ? slackActor(id) : undefined),
});

/** What the person is told when a handler of `capability` failed. */
export const failureOf = (ctx: SlackContext, capability: Capability<Core>, error: unknown, where: string): string =>
  capability.failure ? capability.failure(error, ctx.logger, where) : failureMessage(error, ctx.logger, { where });
