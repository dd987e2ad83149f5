/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Cuts text to at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Slack renders <!date^…> in each reader's own timezone, with a plain fallback. */
export function slackDate(date: Date): string {
  const seconds = Math.floor(date.getTime() / 1000);
  return `<!date^${seconds}^{date_short_pretty} at {time}|${date.toISOString().replace("T", " ").slice(0, 16)} UTC>`;
}
