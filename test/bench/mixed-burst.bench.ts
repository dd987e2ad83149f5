/**
 * Benchmark (not a test): a company-wide burst of everything people do at once in Slack.
 *   npm run bench:mixed                                  (the embedded database, in a temporary data folder)
 *   DATABASE_URL=postgresql://... npm run bench:mixed    (a throwaway database on that server; BENCH_REPLICAS)
 * The app runs as deployed (see http-burst.ts). First it is given requests to decide (submitted as forms, a third
 * of BENCH_CHANGES); then BENCH_CHANGES requests (default 5000), BENCH_CONCURRENCY (default 256) at a time, a third
 * each: request forms (saved before the ack), `/aims status` commands (answered at the response URL after the ack)
 * and Approve clicks by an approver (decided after the ack: decision, register entry, audit events, the approvals
 * message updated, the requester told). Prints ack latency per kind and how many acks took over Slack's 3 s, then,
 * once the apps stopped, checks that nothing was lost: every form saved, every status answered, every click decided,
 * every decision shown, and the audit chain verified.
 */
import { SLACK_IDS } from "../../src/channels/slack/ids.js";
import { APPROVALS_CHANNEL, APPROVERS } from "../support/aims-harness.js";
import { blockActions, slashCommand } from "../support/slack-requests.js";
import type { AppProcess } from "./app-process.js";
import { burst, checkDatabase, describeOutcomes, measuringCpu, requestForm, runBench, sendAsSlack, SLACK_TIMEOUT_MS, type Outcome } from "./http-burst.js";
import { summarize } from "./latency-stats.js";

const CHANGES = Number(process.env.BENCH_CHANGES ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 256);
const KINDS = ["request form", "status command", "Approve click"] as const;
/** Requests to decide: submitted before the burst, numbered after the burst's own forms. */
const TO_DECIDE_FROM = 1_000_000;

/** The Approve button's value on each request's approvals message, from what the fake Slack was sent. */
function approveValues(messages: { blocks?: unknown }[]): string[] {
  return messages.flatMap((message) => {
    const blocks = (message.blocks ?? []) as { elements?: { action_id?: string; value?: string }[] }[];
    const button = blocks.flatMap((block) => block.elements ?? []).find((element) => element.action_id === SLACK_IDS.actions.approve);
    return button?.value ? [button.value] : [];
  });
}

runBench(async (bench) => {
  const { fake } = bench;
    const clicks = Array.from({ length: CHANGES }, (_, n) => KINDS[n % KINDS.length]).filter((kind) => kind === "Approve click").length;
    console.log(`${bench.where}: submitting ${clicks} requests to decide…`);
    await burst(bench.apps, TO_DECIDE_FROM, clicks, 32, (target, n) => sendAsSlack(target, requestForm(n), "request form"));
    const shownGiveUpAt = performance.now() + 120_000;
    while (approveValues(fake.messages(APPROVALS_CHANNEL)).length < clicks && performance.now() < shownGiveUpAt) await new Promise((resolve) => setTimeout(resolve, 200));
    const toDecide = approveValues(fake.messages(APPROVALS_CHANNEL));
    if (toDecide.length < clicks) throw new Error(`only ${toDecide.length} of ${clicks} requests reached the approvals channel`);

    const statusUrls: string[] = [];
    const send = (target: AppProcess, n: number): Promise<Outcome> => {
      const kind = KINDS[n % KINDS.length];
      if (kind === "request form") return sendAsSlack(target, requestForm(n), kind);
      if (kind === "status command") {
        const responseUrl = fake.newResponseUrl();
        statusUrls.push(responseUrl);
        return sendAsSlack(target, slashCommand({ userId: `UFORM${n % 500}`, text: "status", responseUrl }), kind);
      }
      const value = toDecide[Math.floor(n / KINDS.length)];
      const click = blockActions({ userId: APPROVERS[n % APPROVERS.length], responseUrl: fake.newResponseUrl(), actions: [{ action_id: SLACK_IDS.actions.approve, block_id: "decide", value }] });
      return sendAsSlack(target, click, kind);
    };
    console.log(`${bench.where}: ${CHANGES} requests (forms, status commands, Approve clicks) sent over HTTP, ${CONCURRENCY} at a time…`);
    const { result: outcomes, wallMs, cpu } = await measuringCpu(bench.apps, CHANGES, () => burst(bench.apps, 0, CHANGES, CONCURRENCY, send));
    for (const line of describeOutcomes(outcomes, wallMs)) console.log(`  ${line}`);
    for (const kind of KINDS) {
      const ofKind = outcomes.filter((outcome) => outcome.kind === kind);
      const stats = summarize(
        ofKind.map((outcome) => outcome.latencyMs),
        wallMs,
      );
      const late = ofKind.filter((outcome) => outcome.latencyMs > SLACK_TIMEOUT_MS).length;
      console.log(`  ${kind.padEnd(15)} ${ofKind.length}: ack p50 ${stats.p50.toFixed(0)} ms, p99 ${stats.p99.toFixed(0)} ms, max ${stats.max.toFixed(0)} ms, ${late} over 3 s`);
    }
    console.log(`  app CPU:     ${cpu}`);

    // The work after each ack carries on: wait until every status is answered and every decision shown.
    const answered = () => new Set(fake.responseUrlPosts.map((post) => post.url));
    const decidedShown = () => fake.messages(APPROVALS_CHANNEL).filter((message) => !JSON.stringify(message.blocks ?? []).includes(SLACK_IDS.actions.approve)).length;
    const settledGiveUpAt = performance.now() + 180_000;
    const settledStarted = performance.now();
    while ((statusUrls.some((url) => !answered().has(url)) || decidedShown() < clicks) && performance.now() < settledGiveUpAt) await new Promise((resolve) => setTimeout(resolve, 250));
    console.log(`  settled:     ${((performance.now() - settledStarted) / 1000).toFixed(1)} s after the last ack; ${statusUrls.filter((url) => answered().has(url)).length} of ${statusUrls.length} status commands answered`);
    await checkDatabase(bench, async (prisma) => {
      const forms = outcomes.filter((outcome) => outcome.kind === "request form").length;
      const saved = await prisma.aiToolRequest.count({ where: { submissionKey: { startsWith: "slack:VFORM" } } });
      const approved = await prisma.aiToolRequest.count({ where: { status: "approved" } });
      return [`saved:       ${saved - clicks} of ${forms} request forms`, `decided:     ${approved} of ${clicks} requests approved, ${decidedShown()} approvals messages updated`];
    });
});
