import type { Actor } from "../core/actor.js";
import type { Logger } from "../log/logger.js";
import type { Form, FormState, FormValues } from "./form.js";
import type { ActionValue } from "./message.js";
import type { Notifier } from "./notifications.js";
import type { Reply } from "./reply.js";

/** One person's interaction, as a handler sees it: the services it needs, who it is, and the room it has. */
export interface Turn<S> {
  services: S;
  actor: Actor;
  logger: Logger;
  /** Whether a long message fits in one view (a Slack modal holds 100 blocks; a Teams card about 28 KB). */
  roomy: boolean;
  /** Where the person is: the Slack channel or Teams conversation id, when the channel knows it. */
  conversation?: string;
  /** The person picked in a `person` field, as an actor of this channel; undefined when the value is no person. */
  person(id: string | undefined): Promise<Actor | undefined>;
  /** Whether others in the conversation see the answer (a Teams channel or group chat); a Slack modal is the person's alone. */
  shared?: boolean;
}

export interface Command<S> {
  /** The word after `/aims` in Slack, the word sent to the bot in Teams. */
  name: string;
  description: string;
  /** Whether help lists it for this person; for everyone when absent. */
  visibleTo?: (services: S, actor: Actor) => boolean | Promise<boolean>;
  run(turn: Turn<S>, rest: string): Promise<Reply>;
}

/** `typed` holds what the form the button sits in had typed when it was clicked (Back keeps a questionnaire's answers). */
export type ActionHandler<S> = (turn: Turn<S>, value: ActionValue, typed: FormValues) => Promise<Reply>;

export interface FormHandler<S> {
  /**
   * The form for this state without values: the channel shows it back with what was typed when it has errors.
   * It may look up its choices (the groups a role can be bound to) through the turn.
   */
  form(state: FormState, turn: Turn<S>): Form | undefined | Promise<Form | undefined>;
  /** Why this person may not open the form, checked before a channel opens it on the server (Slack). */
  refusal?(turn: Turn<S>, state: FormState): string | null | Promise<string | null>;
  /**
   * The form belongs to a message (opened by a button of it): in Teams it unfolds in the card, which keeps what was
   * typed by itself, so errors come back as a message and success as the card as it now stands.
   */
  inline?: boolean;
  /**
   * For a save that can outlast Slack's 3 seconds: `check` answers first (errors keep the form open), then the
   * channel acknowledges with `progress` and `submit` runs; its answer replaces the form.
   */
  /**
   * Submitting the same form again saves it once (its state holds a key): a channel that must answer within seconds
   * (Slack's 3) stops waiting for a slow save and asks the person to press Submit again.
   */
  retryable?: boolean;
  slow?: { check(turn: Turn<S>, values: FormValues): Reply | undefined | Promise<Reply | undefined>; progress: string };
  submit(turn: Turn<S>, values: FormValues, state: FormState): Promise<Reply>;
}

/** A capability's conversation, written once: each channel registers its commands, buttons and forms. */
export interface Capability<S> {
  /** What a person is told when a handler failed, and what is logged; the channel's own when absent. */
  failure?: (error: unknown, logger: Logger, where: string) => string;
  commands: Command<S>[];
  actions: Record<string, ActionHandler<S>>;
  forms: Record<string, FormHandler<S>>;
  /** What it shows when its records change, declared once (`notifications.ts`); each channel subscribes them. */
  notifications?: Notifier<S>[];
}

/** Reads a value that came back with a click or a form: a string, or "" when it is missing. */
export const valueText = (value: ActionValue, key: string): string => (value[key] === undefined ? "" : String(value[key]));
