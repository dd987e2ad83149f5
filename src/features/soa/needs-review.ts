/** What the AIMS owner is told after changing the roles: the reviewed lines the new proposal disagrees with. */
export function needsReviewText(controlIds: readonly string[], bold: (text: string) => string): string | undefined {
  if (controlIds.length === 0) return undefined;
  return `For the new roles the proposal differs on lines you already reviewed: ${bold(controlIds.join(", "))}. Please look at them again.`;
}
