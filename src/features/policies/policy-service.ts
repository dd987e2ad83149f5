import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import type { Roles } from "../../core/roles.js";
import type { Prisma } from "../../db/database.js";
import type { PolicyAcknowledgement, PolicyDocument, PolicyDraft, PolicyVersion } from "../../db/generated/client.js";
import type { PeopleDirectory } from "../organisation/people-directory.js";
import { cancelCampaignReminders } from "./campaign-snooze.js";
import { ACKNOWLEDGEMENT_CONTROLS, POLICY_CONTROLS } from "./controls.js";
import { documentFromMarkdown, parsePolicyForm, POLICY_LIMITS, versionHash, type PolicyField } from "./policy-form.js";
import "./policy-events.js";

export interface PolicyServiceDeps {
  prisma: Prisma;
  clock: Clock;
  roles: Roles;
  events: EventBus;
  directory: PeopleDirectory;
  /** The largest Markdown file shared with the bot that a document is published from (AIMS_POLICY_FILE_MAX_KB). */
  fileMaxBytes?: number;
}

export type VersionWithDocument = PolicyVersion & { document: PolicyDocument };

export type PublishResult =
  | { kind: "published"; version: VersionWithDocument }
  | { kind: "unchanged"; version: VersionWithDocument }
  | { kind: "invalid"; errors: Partial<Record<PolicyField, string>> }
  | { kind: "forbidden"; message: string };

export type AcknowledgeResult =
  | { kind: "accepted" | "already"; acknowledgement: PolicyAcknowledgement; version: VersionWithDocument }
  | { kind: "outdated"; version: VersionWithDocument; current: VersionWithDocument }
  | { kind: "unknown" };

/** How long a draft from a shared file waits to be published before the scheduler deletes it. */
export const DRAFT_KEPT_DAYS = 7;
const DAY_MS = 86_400_000;

export const ONLY_OWNERS_PUBLISH = "Only an AIMS owner can publish documents and start campaigns.";

/** Where a version was published from: a form's text, a Markdown file shared with the bot, the command line. */
export type PublishedVia = "chat" | "file shared in chat" | "command line";

export type DraftResult = { kind: "draft"; draft: PolicyDraft } | { kind: "refused"; message: string };

/** What is wrong with a shared file's document once read: too long to publish. */
export const draftTooLong = (length: number) =>
  `The document is ${length.toLocaleString("en")} characters long; a policy can have at most ${POLICY_LIMITS.body.toLocaleString("en")}.`;

/**
 * Documents people must accept, as versions (ISO 42001 5.2, A.2.2): each published version keeps its text and its
 * sha256, who published it and whether everyone must accept it again; each person's acceptance of a version is
 * recorded once (a unique key), whatever the clicks.
 */
export class PolicyService {
  constructor(private readonly deps: PolicyServiceDeps) {}

  get fileMaxBytes(): number {
    return this.deps.fileMaxBytes ?? 100 * 1024;
  }

  /** Why this person may not publish or run campaigns, or null. */
  async ownerRefusal(actor: Pick<Actor, "channel" | "id">): Promise<string | null> {
    return (await this.deps.roles.has(actor, "owner")) ? null : ONLY_OWNERS_PUBLISH;
  }

  /**
   * Publishes a new version of the document with this title (a new document on first use). `by` is null from the
   * command line. The same text as the current version publishes nothing.
   */
  async publish(by: Actor | null, raw: unknown, via: PublishedVia): Promise<PublishResult> {
    if (by) {
      const refusal = await this.ownerRefusal(by);
      if (refusal) return { kind: "forbidden", message: refusal };
    }
    const parsed = parsePolicyForm(raw, via === "chat" ? POLICY_LIMITS.chatBody : POLICY_LIMITS.body);
    if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
    const input = parsed.input;
    const { prisma, clock, events } = this.deps;
    const sha256 = versionHash(input);
    const result = await prisma.$transaction(async (tx): Promise<PublishResult> => {
      const now = clock.now();
      await tx.policyDocument.createMany({ data: [{ title: input.title, createdAt: now }], skipDuplicates: true });
      const document = await tx.policyDocument.findUniqueOrThrow({ where: { title: input.title } });
      // One publisher at a time per document: the version numbers stay gapless.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`aims-policy:${document.id}`}))`;
      const latest = await tx.policyVersion.findFirst({ where: { documentId: document.id }, orderBy: { version: "desc" }, include: { document: true } });
      if (latest?.sha256 === sha256) return { kind: "unchanged", version: latest };
      const version = await tx.policyVersion.create({
        data: {
          documentId: document.id,
          version: (latest?.version ?? 0) + 1,
          summary: input.summary,
          body: input.body,
          sha256,
          publishedByChannel: by?.channel ?? null,
          publishedById: by?.id ?? null,
          publishedVia: via,
          publishedAt: now,
          requiresAcknowledgement: latest ? input.requiresAcknowledgement : true,
          controls: [...POLICY_CONTROLS],
        },
        include: { document: true },
      });
      const { body: _body, document: _document, ...recorded } = version;
      await recordAudit(tx, clock, {
        actor: by,
        action: "policy.published",
        entityType: "policy_version",
        entityId: `${document.title} v${version.version}`,
        before: latest ? { version: latest.version, sha256: latest.sha256 } : null,
        after: recorded,
        controls: POLICY_CONTROLS,
      });
      await events.record(tx, "policy.published", { version: recorded }, `policy:${document.id}`);
      return { kind: "published", version };
    });
    void events.deliverPending();
    return result;
  }

  /**
   * Keeps a Markdown file an AIMS owner shared with the bot as a draft: title and summary read from it (see
   * `documentFromMarkdown`), for the Publish form to show pre-filled. Nothing is published yet.
   */
  async saveDraft(by: Actor, fileName: string, markdown: string): Promise<DraftResult> {
    const refusal = await this.ownerRefusal(by);
    if (refusal) return { kind: "refused", message: refusal };
    const document = documentFromMarkdown(markdown);
    if (document.body.length > POLICY_LIMITS.body) return { kind: "refused", message: draftTooLong(document.body.length) };
    const { prisma, clock } = this.deps;
    const draft = await prisma.$transaction(async (tx) => {
      const created = await tx.policyDraft.create({
        data: { channel: by.channel, ownerId: by.id, fileName, title: document.title.slice(0, POLICY_LIMITS.title), summary: document.summary, body: document.body, createdAt: clock.now() },
      });
      await recordAudit(tx, clock, {
        actor: by,
        action: "policy.draft_received",
        entityType: "policy_draft",
        entityId: created.id,
        after: { fileName, title: created.title, characters: created.body.length },
        controls: POLICY_CONTROLS,
      });
      return created;
    });
    return { kind: "draft", draft };
  }

  /** The person's own draft not published yet, or null. */
  draftOf(by: Pick<Actor, "channel" | "id">, id: number): Promise<PolicyDraft | null> {
    return this.deps.prisma.policyDraft.findFirst({ where: { id, channel: by.channel, ownerId: by.id, publishedAt: null } });
  }

  /**
   * Deletes the drafts left unpublished for longer than DRAFT_KEPT_DAYS: a shared file is a proposal, not a record, and
   * its text should not linger. Each deletion is audited. Returns how many were deleted; the scheduler runs it every tick.
   */
  async discardStaleDrafts(): Promise<number> {
    const { prisma, clock } = this.deps;
    const before = new Date(clock.now().getTime() - DRAFT_KEPT_DAYS * DAY_MS);
    const stale = await prisma.policyDraft.findMany({ where: { publishedAt: null, createdAt: { lt: before } }, orderBy: { id: "asc" } });
    let discarded = 0;
    for (const draft of stale) {
      discarded += await prisma.$transaction(async (tx) => {
        const deleted = await tx.policyDraft.deleteMany({ where: { id: draft.id, publishedAt: null } });
        if (deleted.count === 0) return 0;
        await recordAudit(tx, clock, {
          actor: null,
          action: "policy.draft_discarded",
          entityType: "policy_draft",
          entityId: draft.id,
          before: { fileName: draft.fileName, title: draft.title, createdAt: draft.createdAt, owner: `${draft.channel}:${draft.ownerId}` },
          after: { reason: `unpublished for ${DRAFT_KEPT_DAYS} days` },
          controls: POLICY_CONTROLS,
        });
        return 1;
      });
    }
    return discarded;
  }

  /** Publishes the person's draft with the title, summary and acceptance choice of the form. */
  async publishDraft(by: Actor, id: number, raw: { title?: string; summary?: string; requiresAcknowledgement?: unknown }): Promise<PublishResult | { kind: "gone" }> {
    const draft = await this.draftOf(by, id);
    if (!draft) return { kind: "gone" };
    const result = await this.publish(by, { ...raw, body: draft.body }, "file shared in chat");
    if (result.kind === "published" || result.kind === "unchanged") {
      await this.deps.prisma.policyDraft.updateMany({ where: { id, publishedAt: null }, data: { publishedAt: this.deps.clock.now() } });
    }
    return result;
  }

  /** Every document with its current (latest) version, by title. */
  async documents(): Promise<VersionWithDocument[]> {
    const documents = await this.deps.prisma.policyDocument.findMany({
      orderBy: { title: "asc" },
      include: { versions: { orderBy: { version: "desc" }, take: 1 } },
    });
    return documents.flatMap(({ versions, ...document }) => versions.map((version) => ({ ...version, document })));
  }

  version(id: number): Promise<VersionWithDocument | null> {
    return this.deps.prisma.policyVersion.findUnique({ where: { id }, include: { document: true } });
  }

  current(documentId: number): Promise<VersionWithDocument | null> {
    return this.deps.prisma.policyVersion.findFirst({ where: { documentId }, orderBy: { version: "desc" }, include: { document: true } });
  }

  /**
   * The person accepts this version: recorded once per person and version (a second click, or a click on another
   * device, finds the first). A version that is no longer current is not accepted: the answer names the current one.
   */
  async acknowledge(actor: Actor, versionId: number, campaignId: number | null): Promise<AcknowledgeResult> {
    const { prisma, clock, events, directory } = this.deps;
    const version = await this.version(versionId);
    if (!version) return { kind: "unknown" };
    const current = await this.current(version.documentId);
    if (current && current.id !== version.id) return { kind: "outdated", version, current };
    const result = await prisma.$transaction(async (tx): Promise<AcknowledgeResult> => {
      const identity = await directory.ensureIn(tx, actor, actor.name ?? null);
      const now = clock.now();
      const inserted = await tx.policyAcknowledgement.createMany({
        data: [
          {
            versionId,
            personId: identity.personId,
            channel: actor.channel,
            externalId: actor.id,
            campaignId,
            sha256: version.sha256,
            acknowledgedAt: now,
            controls: [...ACKNOWLEDGEMENT_CONTROLS],
          },
        ],
        skipDuplicates: true,
      });
      const acknowledgement = await tx.policyAcknowledgement.findUniqueOrThrow({ where: { versionId_personId: { versionId, personId: identity.personId } } });
      if (inserted.count === 0) return { kind: "already", acknowledgement, version };
      // Reminders they snoozed for this version are not sent any more.
      const asked = await tx.campaignRecipient.findMany({ where: { personId: identity.personId, campaign: { versionId } }, select: { campaignId: true } });
      for (const { campaignId: asking } of asked) await cancelCampaignReminders(tx, asking, identity.personId);
      await recordAudit(tx, clock, {
        actor,
        action: "policy.acknowledged",
        entityType: "policy_acknowledgement",
        entityId: acknowledgement.id,
        after: { ...acknowledgement, document: version.document.title, version: version.version },
        controls: ACKNOWLEDGEMENT_CONTROLS,
      });
      await events.record(tx, "policy.acknowledged", { acknowledgement }, `policy-ack:${acknowledgement.id}`);
      return { kind: "accepted", acknowledgement, version };
    });
    void events.deliverPending();
    return result;
  }

  /** The person's acceptances (all their accounts), newest first, with the document and version each was of. */
  async acknowledgementsOf(personId: string): Promise<(PolicyAcknowledgement & { version: VersionWithDocument })[]> {
    return this.deps.prisma.policyAcknowledgement.findMany({
      where: { personId },
      orderBy: { acknowledgedAt: "desc" },
      include: { version: { include: { document: true } } },
    });
  }
}
