import type { Core } from "../../../app/core.js";
import type { Actor } from "../../../core/actor.js";
import type { Turn } from "../../../conversation/capability.js";
import type { SlackContext } from "../context.js";

/** A Slack modal holds 100 blocks: room for a long message. */
export const slackTurn = (ctx: SlackContext, actor: Actor): Turn<Core> => ({ services: ctx.core, actor, logger: ctx.logger, roomy: true });
