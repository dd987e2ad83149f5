/** The Slack error code of a failed Web API call ("name_taken", "missing_scope" ...), or the error's message. */
export function slackErrorCode(error: unknown): string {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  if (typeof data?.error === "string") return data.error;
  return error instanceof Error ? error.message : String(error);
}
