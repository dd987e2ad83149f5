/**
 * A person's pass of an AI-literacy module: competence (7.2), awareness (7.3) and the people resources of AI
 * systems (A.4.6); also the EU AI Act's AI-literacy duty (Art. 4).
 */
export const TRAINING_CONTROLS = ["7.2", "7.3", "A.4.6"] as const;

/** A campaign asking people to pass a module: competence, awareness and communication. */
export const TRAINING_CAMPAIGN_CONTROLS = ["7.2", "7.3", "7.4", "A.4.6"] as const;
