import type { Prisma } from "../../db/database.js";
import { activityTimezone } from "./scheduling/activity-timezone.js";
import { conversationReferenceOf, type ConversationReference, type TeamsActivity } from "./transport/index.js";

export interface KnownTeamsUser {
  aadObjectId: string;
  teamsUserId: string;
  name: string | null;
  tenantId: string | null;
  serviceUrl: string;
  personalChat: ConversationReference | null;
  /** IANA timezone from the person's last activity that carried one. */
  timezone: string | null;
}

const tenantOf = (activity: Partial<TeamsActivity>): string | undefined =>
  activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;

/**
 * Conversation references kept in the database (never in memory), so proactive messages — the approvals card, the
 * requester's outcome — still reach Teams after a restart or from another replica.
 */
export class TeamsConversationStore {
  constructor(private readonly prisma: Prisma) {}

  /** Remembers the conversation an incoming activity came from, and the person who sent it. */
  async remember(activity: TeamsActivity): Promise<void> {
    const { conversation, from, serviceUrl } = activity;
    if (!conversation?.id || !serviceUrl) return;
    const reference = conversationReferenceOf(activity);
    const conversationType = conversation.conversationType ?? "personal";
    const tenantId = tenantOf(activity) ?? null;
    const conversationRow = { conversationType, tenantId, serviceUrl, reference: reference as object };
    await this.prisma.teamsConversation.upsert({
      where: { conversationId: conversation.id },
      create: { conversationId: conversation.id, ...conversationRow },
      update: conversationRow,
    });
    if (!from?.aadObjectId || !from.id) return;
    const personalConversationId = conversationType === "personal" ? conversation.id : undefined;
    const timezone = activityTimezone(activity);
    const userRow = { teamsUserId: from.id, name: from.name ?? null, tenantId, serviceUrl, ...(timezone ? { timezone } : {}) };
    await this.prisma.teamsUser.upsert({
      where: { aadObjectId: from.aadObjectId },
      create: { aadObjectId: from.aadObjectId, ...userRow, personalConversationId },
      update: { ...userRow, ...(personalConversationId ? { personalConversationId } : {}) },
    });
  }

  /** Stores a reference the bot created itself (a 1:1 chat it opened), as that person's personal chat. */
  async rememberPersonalChat(aadObjectId: string, reference: ConversationReference): Promise<void> {
    const conversationId = reference.conversation.id;
    const row = {
      conversationType: "personal",
      tenantId: reference.conversation.tenantId ?? null,
      serviceUrl: reference.serviceUrl,
      reference: reference as object,
    };
    await this.prisma.$transaction(async (tx) => {
      await tx.teamsConversation.upsert({ where: { conversationId }, create: { conversationId, ...row }, update: row });
      await tx.teamsUser.update({ where: { aadObjectId }, data: { personalConversationId: conversationId } });
    });
  }

  async reference(conversationId: string): Promise<ConversationReference | null> {
    const row = await this.prisma.teamsConversation.findUnique({ where: { conversationId } });
    return row ? (row.reference as unknown as ConversationReference) : null;
  }

  /** The most recently seen reference: its service URL and bot account are how to reach this tenant's Teams. */
  async latestReference(): Promise<ConversationReference | null> {
    const row = await this.prisma.teamsConversation.findFirst({ orderBy: { updatedAt: "desc" } });
    return row ? (row.reference as unknown as ConversationReference) : null;
  }

  /** The team channels and group chats the bot is in, as last seen: the groups a role can be bound to. */
  async groupConversations(): Promise<{ conversationId: string; conversationType: string; reference: ConversationReference }[]> {
    const rows = await this.prisma.teamsConversation.findMany({ where: { conversationType: { in: ["channel", "groupChat"] } }, orderBy: { conversationId: "asc" } });
    return rows.map((row) => ({ conversationId: row.conversationId, conversationType: row.conversationType, reference: row.reference as unknown as ConversationReference }));
  }

  async user(aadObjectId: string): Promise<KnownTeamsUser | null> {
    const row = await this.prisma.teamsUser.findUnique({ where: { aadObjectId }, include: { personalConversation: true } });
    if (!row) return null;
    const { personalConversation, personalConversationId: _id, createdAt: _c, updatedAt: _u, ...user } = row;
    return { ...user, personalChat: personalConversation ? (personalConversation.reference as unknown as ConversationReference) : null };
  }
}
