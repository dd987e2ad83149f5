import type { AiSystem } from "../../db/generated/client.js";
import type { DueItem, DueItemSource } from "../reminders/due-item.js";
import { reassignAiSystem } from "../requests/register-review-source.js";
import { NOT_CLASSIFIED } from "./classify.js";
import { CLASSIFICATION_CONTROLS } from "./controls.js";

export const CLASSIFICATION_DUE_SOURCE = "ai-act-classification";

/**
 * Register entries not yet classified under the EU AI Act (those from before classification existed): their owner
 * is reminded by `aiActClassifyBy`. The reminder closes when the entry is classified, which only the form does.
 */
export const classificationDueSource: DueItemSource = {
  name: CLASSIFICATION_DUE_SOURCE,
  async listDue(db, until) {
    const systems = await db.aiSystem.findMany({
      where: { aiActOutcome: NOT_CLASSIFIED, status: "active", aiActClassifyBy: { lte: until } },
      orderBy: { aiActClassifyBy: "asc" },
    });
    return systems.map(toItem);
  },
  async find(db, itemId) {
    const system = await db.aiSystem.findUnique({ where: { reference: itemId } });
    return system && system.aiActOutcome === NOT_CLASSIFIED && system.status === "active" && system.aiActClassifyBy ? toItem(system) : null;
  },
  async complete(_tx, item) {
    return { refused: `Classify it with "classify ${item.itemId}" (/aims classify ${item.itemId} in Slack): the reminder ends when it is classified.` };
  },
  reassign: reassignAiSystem,
};

function toItem(system: AiSystem): DueItem {
  return {
    source: CLASSIFICATION_DUE_SOURCE,
    itemId: system.reference,
    title: `Classify ${system.reference} (${system.name}) under the EU AI Act`,
    dueAt: system.aiActClassifyBy!,
    owner: { channel: system.ownerChannel, id: system.ownerId, name: system.ownerName },
    controls: CLASSIFICATION_CONTROLS,
    kind: "task",
  };
}
