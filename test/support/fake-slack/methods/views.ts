import { describeProblem, viewProblems } from "../block-kit-limits.js";
import type { Json, WorkspaceState } from "../workspace-state.js";
import { type MethodHandler, SlackApiError, invalidArguments, optionalString, requireString } from "./method-handler.js";

const MODAL_STACK_LIMIT = 3;

function validView(args: Json, expectedType?: "home"): Json {
  const view = args.view;
  if (view === undefined) throw invalidArguments("missing required field: view");
  const problems = viewProblems(view).map(describeProblem);
  if (expectedType && (view as Json).type !== expectedType) problems.push(`must be ${expectedType} [json-pointer:/view/type]`);
  if (problems.length > 0) throw invalidArguments(...problems);
  return view as Json;
}

/** Each trigger_id opens or pushes at most one view. */
function consumeTrigger(args: Json, state: WorkspaceState, view: () => Json): Json {
  const triggerId = optionalString(args, "trigger_id") ?? optionalString(args, "interactivity_pointer");
  if (!triggerId) throw invalidArguments("invalid `trigger_id`");
  if (state.usedTriggerIds.has(triggerId)) throw new SlackApiError("expired_trigger_id");
  const validated = view();
  state.usedTriggerIds.add(triggerId);
  return validated;
}

function assertExternalIdFree(state: WorkspaceState, externalId: unknown, exceptViewId?: string): void {
  if (!externalId) return;
  for (const stored of state.views.values()) {
    if (stored.external_id === externalId && stored.id !== exceptViewId) throw new SlackApiError("duplicate_external_id");
  }
}

/** The view as Slack returns and stores it: the caller's fields plus ids, hash and empty state. */
function storeView(state: WorkspaceState, input: Json, placement: { id: string; rootViewId: string | null; previousViewId: string | null }): Json {
  const { teamId, apiAppId, botId } = state.identity;
  const stored: Json = {
    id: placement.id,
    team_id: teamId,
    type: input.type,
    blocks: input.blocks ?? [],
    private_metadata: input.private_metadata ?? "",
    callback_id: input.callback_id ?? "",
    external_id: input.external_id ?? "",
    state: { values: {} },
    hash: state.ids.viewHash(),
    clear_on_close: Boolean(input.clear_on_close),
    notify_on_close: Boolean(input.notify_on_close),
    ...(input.title ? { title: input.title } : {}),
    ...(input.submit ? { submit: input.submit } : {}),
    ...(input.close ? { close: input.close } : {}),
    previous_view_id: placement.previousViewId,
    root_view_id: placement.rootViewId,
    app_id: apiAppId,
    app_installed_team_id: teamId,
    bot_id: botId,
  };
  state.views.set(placement.id, stored);
  return stored;
}

const open: MethodHandler = (args, { state }) => {
  const view = consumeTrigger(args, state, () => validView(args));
  assertExternalIdFree(state, view.external_id);
  const id = state.ids.next("V");
  state.modalStacks.set(id, [id]);
  return { ok: true, view: storeView(state, view, { id, rootViewId: id, previousViewId: null }) };
};

/** Pushes onto the most recently opened modal: the fake cannot tell which modal issued a trigger_id. */
const push: MethodHandler = (args, { state }) => {
  const view = consumeTrigger(args, state, () => validView(args));
  const rootViewId = [...state.modalStacks.keys()].at(-1);
  if (!rootViewId) throw invalidArguments("views.push needs a trigger_id from an interaction in an open modal");
  const stack = state.modalStacks.get(rootViewId) as string[];
  if (stack.length >= MODAL_STACK_LIMIT) throw new SlackApiError("push_limit_reached");
  assertExternalIdFree(state, view.external_id);
  const id = state.ids.next("V");
  const stored = storeView(state, view, { id, rootViewId, previousViewId: stack.at(-1) ?? null });
  stack.push(id);
  return { ok: true, view: stored };
};

const update: MethodHandler = (args, { state }) => {
  const viewId = optionalString(args, "view_id");
  const externalId = optionalString(args, "external_id");
  if (!viewId && !externalId) throw invalidArguments("missing required field: view_id or external_id");
  const existing = viewId
    ? state.views.get(viewId)
    : [...state.views.values()].find((stored) => stored.external_id === externalId);
  if (!existing) throw new SlackApiError("not_found");
  const hash = optionalString(args, "hash");
  if (hash !== undefined && hash !== existing.hash) throw new SlackApiError("hash_conflict");
  const view = validView(args);
  assertExternalIdFree(state, view.external_id, existing.id as string);
  const stored = storeView(state, { external_id: existing.external_id, ...view }, {
    id: existing.id as string,
    rootViewId: existing.root_view_id as string | null,
    previousViewId: existing.previous_view_id as string | null,
  });
  return { ok: true, view: stored };
};

const publish: MethodHandler = (args, { state }) => {
  const userId = requireString(args, "user_id");
  const view = validView(args, "home");
  const existingId = state.homeViewIdByUser.get(userId);
  const hash = optionalString(args, "hash");
  if (existingId && hash !== undefined && hash !== state.views.get(existingId)?.hash) {
    throw new SlackApiError("hash_conflict");
  }
  const id = existingId ?? state.ids.next("V");
  state.homeViewIdByUser.set(userId, id);
  return { ok: true, view: storeView(state, view, { id, rootViewId: null, previousViewId: null }) };
};

export const viewMethods: Record<string, MethodHandler> = {
  "views.open": open,
  "views.push": push,
  "views.update": update,
  "views.publish": publish,
};
