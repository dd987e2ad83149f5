export type { KnownBlock, ModalView, HomeView } from "@slack/types";
