import type { Actor, ChatChannel } from "./actor.js";

/** Organisation roles configured per chat channel (ISO 42001 5.3, A.3.2). */
export type AimsRole = "approver" | "owner" | "triager" | "manager" | "incident_responder";

/** Who holds each role, per channel; a role or channel left out has nobody in it. */
export type RoleDirectory = Partial<Record<AimsRole, Partial<Record<ChatChannel, readonly string[]>>>>;

export class Roles {
  constructor(private readonly directory: RoleDirectory) {}

  has(actor: Pick<Actor, "channel" | "id">, role: AimsRole): boolean {
    return this.directory[role]?.[actor.channel]?.includes(actor.id) ?? false;
  }

  members(role: AimsRole, channel: ChatChannel): readonly string[] {
    return this.directory[role]?.[channel] ?? [];
  }
}
