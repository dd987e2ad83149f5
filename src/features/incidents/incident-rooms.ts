import { recordAudit } from "../../core/audit.js";
import type { Prisma } from "../../db/database.js";
import type { Incident } from "../../db/generated/client.js";
import type { ChatChannel } from "../../db/generated/enums.js";
import { TIMELINE_CONTROLS } from "./controls.js";
import { deliverChanges, recordChange } from "./incident-changes.js";
import type { IncidentServiceDeps } from "./incident-deps.js";

export type IncidentRoom = { channel: ChatChannel; id: string; name: string };

/** The dedicated conversation of a SEV1/SEV2 incident was created. */
export function recordRoom(deps: IncidentServiceDeps, reference: string, room: IncidentRoom): Promise<Incident | null> {
  return settleRoom(deps, reference, "incident.room_created", {
    roomStatus: "created",
    roomChannel: room.channel,
    roomId: room.id,
    roomName: room.name,
  });
}

/** The dedicated conversation could not be created; the incident stays recorded and says so. */
export function recordRoomFailure(deps: IncidentServiceDeps, reference: string, reason: string): Promise<Incident | null> {
  return settleRoom(deps, reference, "incident.room_failed", { roomStatus: "failed", roomError: reason.slice(0, 500) });
}

export function findIncidentByRoom(prisma: Prisma, channel: ChatChannel, roomId: string): Promise<Incident | null> {
  return prisma.incident.findUnique({ where: { roomChannel_roomId: { roomChannel: channel, roomId } } });
}

async function settleRoom(
  { prisma, clock, events }: IncidentServiceDeps,
  reference: string,
  action: string,
  data: Partial<Pick<Incident, "roomStatus" | "roomChannel" | "roomId" | "roomName" | "roomError">>,
): Promise<Incident | null> {
  const updated = await prisma.$transaction(async (tx) => {
    const claimed = await tx.incident.updateMany({ where: { reference, roomStatus: "pending" }, data });
    if (claimed.count === 0) return null;
    await recordAudit(tx, clock, {
      actor: null,
      action,
      entityType: "incident",
      entityId: reference,
      before: { roomStatus: "pending" },
      after: data,
      controls: TIMELINE_CONTROLS,
    });
    return recordChange(tx, events, { reference }, { kind: "room" });
  });
  if (updated) deliverChanges(events);
  return updated;
}
