/**
 * Benchmark (not a test): a burst of request forms submitted in Slack, as people see it.
 *   npm run bench:form                                   (the embedded database, in a temporary data folder)
 *   DATABASE_URL=postgresql://... npm run bench:form     (a throwaway database on that server)
 * The app runs as a deployment runs it (`src/main.ts` in its own process, BENCH_REPLICAS of them on PostgreSQL,
 * default 1, each with BENCH_POOL connections, default 10), against a fake Slack in this process. Sends
 * BENCH_CHANGES (default 2000) signed view_submission requests of the request modal, BENCH_CONCURRENCY (default 256)
 * at a time, spread over the replicas as a load balancer would, after a warm-up; then the same to as many bare Bolt
 * processes for the floor. The app saves each request before acknowledging, within its 2.5 s deadline. Prints
 * throughput, ack latency, how many acks took over 2.5 s and over Slack's 3 s, how many people were shown "saving is
 * taking longer than usual" or got no ack at all, the CPU each process used, whether every submission was saved
 * (and shown in the approvals channel), and the chain verification, read after the apps stopped.
 */
import { APPROVALS_CHANNEL } from "../support/aims-harness.js";
import { postgresCpuMs, type AppProcess } from "./app-process.js";
import { burst, checkDatabase, describeOutcomes, measuringCpu, onServer, requestForm, runBench, sendAsSlack } from "./http-burst.js";

const CHANGES = Number(process.env.BENCH_CHANGES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 256);
const WARM_UP = 100;

const submitForm = (target: AppProcess, n: number) => sendAsSlack(target, requestForm(n), "request form");

runBench(async (bench) => {
    const floor = await bench.withBareBolt(async (bare) => {
      await burst(bare, -WARM_UP, WARM_UP, 10, submitForm);
      const { result, wallMs, cpu } = await measuringCpu(bare, CHANGES, () => burst(bare, 0, CHANGES, CONCURRENCY, submitForm));
      return [describeOutcomes(result, wallMs)[1], cpu];
    });
    await burst(bench.apps, -WARM_UP, WARM_UP, 10, submitForm);
    console.log(`${bench.where}: ${CHANGES} request forms submitted over HTTP, ${CONCURRENCY} at a time…`);
    const postgresBefore = onServer ? postgresCpuMs() : 0;
    const benchCpuBefore = process.cpuUsage();
    const { result: outcomes, wallMs, cpu } = await measuringCpu(bench.apps, CHANGES, () => burst(bench.apps, 0, CHANGES, CONCURRENCY, submitForm));
    const benchCpu = process.cpuUsage(benchCpuBefore);
    const postgresMs = onServer ? postgresCpuMs() - postgresBefore : 0;

    // A save that missed the deadline carries on after the ack: wait until every request is in the approvals channel.
    const shown = () => bench.fake.messages(APPROVALS_CHANNEL).length;
    const giveUpAt = performance.now() + 60_000;
    while (shown() < CHANGES + WARM_UP && performance.now() < giveUpAt) await new Promise((resolve) => setTimeout(resolve, 100));
    const peakRss = bench.apps.map((app) => `${(app.peakRssBytes() / 1024 / 1024).toFixed(0)} MB`);

    const percent = (ms: number) => `${((ms / wallMs) * 100).toFixed(0)}%`;
    console.log(`  bare Bolt:   ${floor.join("; CPU ")}`);
    for (const line of describeOutcomes(outcomes, wallMs)) console.log(`  ${line}`);
    console.log(`  app CPU:     ${cpu}`);
    console.log(`  bench CPU:   ${percent((benchCpu.user + benchCpu.system) / 1000)} of a core for the senders and the fake Slack`);
    if (onServer) console.log(`  PostgreSQL:  ${percent(postgresMs)} of a core (${(postgresMs / CHANGES).toFixed(1)} ms per submission), if it runs on this machine`);
    console.log(`  memory:      peak RSS ${peakRss.join(", ")} per app process`);
    console.log(`  shown:       ${shown() - WARM_UP} of ${CHANGES} requests posted in the approvals channel`);

    await checkDatabase(bench, async (prisma) => {
      const saved = await prisma.aiToolRequest.count({ where: { submissionKey: { startsWith: "slack:VFORM" } } });
      return [`saved:       ${saved - WARM_UP} of ${CHANGES} requests`];
    });
});
