import { ROLE_CONTROLS } from "../../organisation/controls.js";
import { column, columns, sqlTextArray, type EvidenceSource } from "../evidence-source.js";

const accountKey = `ci."channel"::text || ':' || ci."externalId"`;
const accountLabel = `CASE WHEN ci."name" IS NULL THEN ${accountKey} ELSE ci."name" || ' (' || ${accountKey} || ')' END`;

/** "Name (slack:U123)" for each account of a person, or their pseudonym once their personal data was erased. */
const personAccounts = (personId: string) =>
  `(SELECT CASE WHEN p."erasedAt" IS NOT NULL THEN p."pseudonym" ELSE (` +
  `SELECT string_agg(${accountLabel}, '; ' ORDER BY ci."channel", ci."externalId") ` +
  `FROM "ChatIdentity" ci WHERE ci."personId" = p."id") END FROM "Person" p WHERE p."id" = ${personId})`;

const groupName = (groupId: string) =>
  `(SELECT g."name" || ' (' || g."channel"::text || ' group ' || g."externalId" || ')' FROM "DirectoryGroup" g WHERE g."id" = ${groupId})`;

/**
 * The roles register (ISO 42001 5.3, A.3.2): every grant of a role, to a person or bound to a group, with where it
 * came from (an environment variable, granted in chat, a group), from when to when, granted by whom and why, and
 * ended by whom and why. Grants are never deleted, so this is the whole history.
 */
export const roleGrants: EvidenceSource = {
  recordType: "role_assignment",
  title: "Roles register (role grants)",
  file: "roles-register",
  table: "RoleGrant",
  textId: true,
  reference: `t."role"::text || ' grant ' || left(t."id", 8)`,
  date: `t."effectiveFrom"`,
  outcome: `CASE WHEN t."endedBy" IS NOT NULL THEN 'revoked' WHEN t."effectiveUntil" IS NOT NULL THEN 'until a set date' ELSE 'open-ended' END`,
  controls: sqlTextArray(ROLE_CONTROLS),
  columns: [
    column("role", "text"),
    column("source", "text"),
    { name: "holder", sql: `CASE WHEN t."groupId" IS NOT NULL THEN ${groupName(`t."groupId"`)} ELSE ${personAccounts(`t."personId"`)} END` },
    column("variable"),
    ...columns("effectiveFrom", "effectiveUntil", "grantedBy", "reason", "endedBy", "endReason"),
  ],
};

/** Who was in each group bound to a role, since and until when: a group grant's holders over time (A.3.2). */
export const groupMemberships: EvidenceSource = {
  recordType: "group_membership",
  title: "Memberships of groups bound to roles",
  file: "role-group-memberships",
  table: "GroupMembership",
  joins: [{ table: "DirectoryGroup", alias: "g", on: `g."id" = t."groupId"` }],
  where: `EXISTS (SELECT 1 FROM "RoleGrant" rg WHERE rg."groupId" = t."groupId")`,
  reference: `g."name" || ' / ' || t."channel"::text || ':' || t."externalId"`,
  date: `t."since"`,
  outcome: `CASE WHEN t."until" IS NULL THEN 'member' ELSE 'left' END`,
  controls: sqlTextArray(ROLE_CONTROLS),
  columns: [
    { name: "group", sql: `g."name"` },
    { name: "groupId", sql: `g."channel"::text || ':' || g."externalId"` },
    {
      name: "roles",
      sql: `(SELECT string_agg(DISTINCT rg."role"::text, ', ') FROM "RoleGrant" rg WHERE rg."groupId" = t."groupId")`,
    },
    column("channel", "text"),
    column("externalId"),
    {
      name: "name",
      sql: `(SELECT ci."name" FROM "ChatIdentity" ci WHERE ci."channel" = t."channel" AND ci."externalId" = t."externalId")`,
    },
    ...columns("since", "until"),
  ],
};
