import type { Actor } from "../../core/actor.js";
import type { Roles } from "../../core/roles.js";
import type { Tx } from "../../core/transaction.js";
import { isClause } from "./audit-scope.js";

type Account = Pick<Actor, "channel" | "id">;

/** A record someone owns, whose controls may fall in an audit's scope. */
interface OwnedRecord {
  what: string;
  owner: Account;
  controls: readonly string[];
}

/**
 * Whether `auditor` may audit `scope` (ISO 42001 9.2.2: auditors are objective and impartial, so nobody audits their
 * own work). People are compared, not chat accounts: a Slack and a Teams account of one person are one auditor.
 * The rule, checked when an audit is planned, when it starts and when it is handed to another auditor:
 *  1. an AIMS owner runs the management system, so may not audit any of its clauses (4–10); they may audit Annex A
 *     controls whose records they do not own;
 *  2. nobody audits a scope item they own a record of: an active AI system in the register, an active review
 *     schedule, an objective, or an open corrective action whose controls include an item of the scope.
 * Returns why not, in words, or null.
 */
export async function independenceRefusal(tx: Tx, roles: Roles, auditor: Account, scope: readonly string[]): Promise<string | null> {
  const clauses = scope.filter(isClause);
  if (clauses.length > 0 && (await roles.has(auditor, "owner", tx))) {
    return `An AIMS owner runs the management system, so cannot audit its clauses (${clauses.join(", ")}): choose another auditor or leave the clauses out.`;
  }
  for (const record of await ownedRecordsInScope(tx, scope)) {
    if (await roles.samePerson(auditor, record.owner, tx)) {
      const items = record.controls.filter((control) => scope.includes(control));
      return `The auditor owns ${record.what} (${items.join(", ")}), so cannot audit it: nobody audits their own work.`;
    }
  }
  return null;
}

async function ownedRecordsInScope(tx: Tx, scope: readonly string[]): Promise<OwnedRecord[]> {
  const inScope = { controls: { hasSome: [...scope] } };
  const owner = { ownerChannel: true, ownerId: true, controls: true } as const;
  // One after another: a transaction on the embedded database has one connection.
  const systems = await tx.aiSystem.findMany({ where: { status: "active", ...inScope }, select: { reference: true, name: true, ...owner } });
  const schedules = await tx.reviewSchedule.findMany({ where: { active: true, ...inScope }, select: { reference: true, title: true, ...owner } });
  const objectives = await tx.objective.findMany({ where: inScope, select: { reference: true, title: true, ...owner } });
  const actions = await tx.correctiveAction.findMany({ where: { status: "open", ...inScope }, select: { id: true, incident: { select: { reference: true } }, nonconformity: { select: { reference: true } }, ...owner } });
  const of = (row: { ownerChannel: Account["channel"]; ownerId: string; controls: string[] }) => ({ owner: { channel: row.ownerChannel, id: row.ownerId }, controls: row.controls });
  return [
    ...systems.map((row) => ({ what: `the AI system ${row.reference} ${row.name}`, ...of(row) })),
    ...schedules.map((row) => ({ what: `the review ${row.reference} ${row.title}`, ...of(row) })),
    ...objectives.map((row) => ({ what: `the objective ${row.reference} ${row.title}`, ...of(row) })),
    ...actions.map((row) => ({ what: `a corrective action of ${row.nonconformity?.reference ?? row.incident?.reference}`, ...of(row) })),
  ];
}
