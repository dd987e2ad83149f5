import { section, truncate, type Message } from "../../../conversation/message.js";
import type { Notifier } from "../../../conversation/notifications.js";
import { notifier } from "../../../conversation/notifications.js";
import type { Clock } from "../../../core/clock.js";
import type { Roles } from "../../../core/roles.js";
import type { Prisma } from "../../../db/database.js";
import { leaverReportKey, openDuties, type OpenDuties } from "../open-duties.js";
import { openDutiesReport, openDutiesSummary } from "../personal-data-text.js";
import { ROLES_WORDING as W } from "./roles-wording.js";

type Services = { prisma: Prisma; clock: Clock; roles: Pick<Roles, "members"> };

/** Slack takes at most 3,000 characters in a section. */
const SECTION_LIMIT = 3000;

/** The report as a message: the headline, then each part's title in bold over a bullet per line. */
function openDutiesMessage(duties: OpenDuties): Message {
  const report = openDutiesReport(duties);
  return {
    title: W.leaverReportTitle,
    summary: openDutiesSummary(duties),
    blocks: [
      section([report.headline]),
      ...report.sections.map((part) => section([truncate([`**${part.title}**`, ...part.lines.map((line) => `• ${line}`)].join("\n"), SECTION_LIMIT)])),
    ],
  };
}

/**
 * When an account is deactivated, each AIMS owner of the channel is told what the person still holds (the approvals
 * place when the channel has no owner). Each message is remembered, so a retry tells only those not told yet.
 */
export const leaverNotifications: Notifier<Services>[] = [
  notifier<Services>("leaver-report", {
    "person.deactivated": async ({ identity }, out, services) => {
      const duties = await openDuties(services, identity);
      if (!duties) return;
      const message = openDutiesMessage(duties);
      const owners = await services.roles.members("owner", out.channel);
      if (owners.length === 0) return out.show("approvals", leaverReportKey(duties, "approvals"), () => message);
      for (const owner of owners) await out.tell({ channel: out.channel, id: owner }, message, { once: leaverReportKey(duties, owner) });
    },
  }),
];
