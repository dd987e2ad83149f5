import type { AimsRole } from "../db/generated/enums.js";
import type { Actor, ChatChannel } from "./actor.js";
import type { Tx } from "./transaction.js";

export type { AimsRole };

export const AIMS_ROLES: readonly AimsRole[] = ["owner", "approver", "triager", "incident_responder", "manager"];

/** How people read a role's name. */
export const ROLE_NAMES: Record<AimsRole, string> = {
  owner: "AIMS owner",
  approver: "approver",
  triager: "concern triager",
  incident_responder: "incident responder",
  manager: "manager",
};

/**
 * Who may do what (ISO 42001 5.3, A.3.2), asked of the database every time, so a change made on one replica holds on
 * every replica at once. Inside a transaction, pass it as `tx`: the embedded database has a single connection.
 */
export interface Roles {
  /** Whether this account holds the role now: granted to its person, or through a group it is in; never when deactivated. */
  has(actor: Pick<Actor, "channel" | "id">, role: AimsRole, tx?: Tx): Promise<boolean>;
  /** Every role the account holds now, in one look. */
  rolesOf(actor: Pick<Actor, "channel" | "id">, tx?: Tx): Promise<ReadonlySet<AimsRole>>;
  /** The accounts on one channel that hold the role now, to send them what the role must see. */
  members(role: AimsRole, channel: ChatChannel, tx?: Tx): Promise<readonly string[]>;
  /** Whether two accounts are one person: segregation of duties ("not your own request") compares people. */
  samePerson(a: Pick<Actor, "channel" | "id">, b: Pick<Actor, "channel" | "id">, tx?: Tx): Promise<boolean>;
}
