/**
 * The floor for the benchmarks: a Bolt app with the same receiver as aims-bot (Express, signatures verified) that
 * only acknowledges, run as a process of its own. Listens on PORT; answers /readyz like the app.
 */
import { App, ExpressReceiver } from "@slack/bolt";
import express from "express";

const http = express();
http.get("/readyz", (_request, response) => void response.send("ok"));
const receiver = new ExpressReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET!, endpoints: "/slack/events", app: http, processBeforeResponse: false });
// Who the bot is, given: Bolt would otherwise call auth.test before every ack (aims-bot asks once).
const app = new App({ token: process.env.SLACK_BOT_TOKEN, botId: "B0BENCH", botUserId: "U0BENCH", receiver, tokenVerificationEnabled: false, clientOptions: { slackApiUrl: process.env.SLACK_API_URL } });
app.command(/.*/, async ({ ack }) => ack());
app.action(/.*/, async ({ ack }) => ack());
app.view(/.*/, async ({ ack }) => ack());
const server = http.listen(Number(process.env.PORT), "127.0.0.1");
process.once("SIGTERM", () => server.close(() => process.exit(0)));
