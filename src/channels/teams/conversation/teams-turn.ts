import type { Core } from "../../../app/core.js";
import type { Actor } from "../../../core/actor.js";
import type { Capability, Turn } from "../../../conversation/capability.js";
import type { TeamsContext } from "../context.js";
import { failureMessage } from "../reply.js";
import type { TeamsActivity } from "../transport/index.js";

const AAD_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A card holds about 28 KB: a long message is split into views. A picked person is an Entra ID object id. */
export const teamsTurn = (ctx: TeamsContext, actor: Actor, activity?: Partial<TeamsActivity>): Turn<Core> => ({
  services: ctx.core,
  actor,
  logger: ctx.logger,
  roomy: false,
  conversation: activity?.conversation?.id,
  shared: (activity?.conversation?.conversationType ?? "personal") !== "personal",
  person: async (id) => (id && AAD_OBJECT_ID.test(id) ? ctx.core.people.person("teams", id) : undefined),
});

/** What the person is told when a handler of `capability` failed. */
export const failureOf = (ctx: TeamsContext, capability: Capability<Core>, error: unknown, where: string): string =>
  capability.failure ? capability.failure(error, ctx.logger, where) : failureMessage(error, ctx.logger, { action: where });
