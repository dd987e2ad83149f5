/** The value of one sample in Prometheus text, e.g. `aims_ack_duration_seconds_count{channel="slack",...}`; 0 when absent. */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const line = text
    .split("\n")
    .find((candidate) => candidate.startsWith(`${name}{`) || candidate.startsWith(`${name} `)
      ? Object.entries(labels).every(([key, value]) => candidate.includes(`${key}="${value}"`))
      : false);
  return line ? Number(line.slice(line.lastIndexOf(" ") + 1)) : 0;
}

/** The metrics text of the app at `appUrl`, served on its main port behind `token` (METRICS_TOKEN). */
export async function scrapeMetrics(appUrl: string, token: string): Promise<string> {
  const response = await fetch(`${appUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  return response.text();
}
