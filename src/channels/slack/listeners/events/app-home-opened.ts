import type { Actor } from "../../../../core/actor.js";
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { appHomeView } from "../../blocks/app-home.js";
import { registerHomeBlocks } from "../../blocks/register.js";
import type { SlackContext } from "../../context.js";
import { slackActor } from "../../slack-actor.js";

/** Builds and publishes one person's App Home: their requests, for approvers what waits for them, and the approved tools. */
export async function publishHome(ctx: SlackContext, client: WebClient, userId: string): Promise<void> {
  const actor = slackActor(userId);
  const { requests } = ctx.core;
  const [myRequests, register] = await Promise.all([requests.listFor(actor), requests.register()]);
  const pendingForApprover = (await ctx.core.roles.has(actor, "approver")) ? await decidableBy(ctx, actor) : null;
  const view = appHomeView({ myRequests, pendingForApprover, extraSections: [{ blocks: registerHomeBlocks(register) }] });
  await client.views.publish({ user_id: userId, view });
}

/** The pending requests this approver may decide: not their own. */
async function decidableBy(ctx: SlackContext, actor: Actor) {
  const pending = await ctx.core.requests.listPending(50);
  const refusals = await Promise.all(pending.map((request) => ctx.core.requests.decisionRefusal(actor, request)));
  return pending.filter((_, index) => refusals[index] === null);
}

export function appHomeOpened(ctx: SlackContext) {
  return async ({ event, client }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs) => {
    if (event.tab !== "home") return;
    try {
      await publishHome(ctx, client, event.user);
    } catch (error) {
      ctx.logger.error({ err: error }, "could not publish the App Home");
    }
  };
}
