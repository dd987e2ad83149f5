import type { Actor } from "../core/actor.js";
import type { Logger } from "../log/logger.js";
import type { Form, FormState, FormValues } from "./form.js";
import type { ActionValue } from "./message.js";
import type { Reply } from "./reply.js";

/** One person's interaction, as a handler sees it: the services it needs, who it is, and the room it has. */
export interface Turn<S> {
  services: S;
  actor: Actor;
  logger: Logger;
  /** Whether a long message fits in one view (a Slack modal holds 100 blocks; a Teams card about 28 KB). */
  roomy: boolean;
}

export interface Command<S> {
  /** The word after `/aims` in Slack, the word sent to the bot in Teams. */
  name: string;
  description: string;
  /** Whether help lists it for this person; for everyone when absent. */
  visibleTo?: (services: S, actor: Actor) => boolean | Promise<boolean>;
  run(turn: Turn<S>, rest: string): Promise<Reply>;
}

export type ActionHandler<S> = (turn: Turn<S>, value: ActionValue) => Promise<Reply>;

export interface FormHandler<S> {
  /**
   * The form for this state without values: the channel shows it back with what was typed when it has errors.
   * It may look up its choices (the groups a role can be bound to) through the turn.
   */
  form(state: FormState, turn: Turn<S>): Form | undefined | Promise<Form | undefined>;
  /**
   * For a save that can outlast Slack's 3 seconds: `check` answers first (errors keep the form open), then the
   * channel acknowledges with `progress` and `submit` runs; its answer replaces the form.
   */
  slow?: { check(turn: Turn<S>, values: FormValues): Reply | undefined | Promise<Reply | undefined>; progress: string };
  submit(turn: Turn<S>, values: FormValues, state: FormState): Promise<Reply>;
}

/** A capability's conversation, written once: each channel registers its commands, buttons and forms. */
export interface Capability<S> {
  commands: Command<S>[];
  actions: Record<string, ActionHandler<S>>;
  forms: Record<string, FormHandler<S>>;
}

/** Reads a value that came back with a click or a form: a string, or "" when it is missing. */
export const valueText = (value: ActionValue, key: string): string => (value[key] === undefined ? "" : String(value[key]));
