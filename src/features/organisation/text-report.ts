/** A report in plain words, the same in every channel: each channel only sets the headline and titles in its markup. */
export interface TextReport {
  headline: string;
  sections: ReportSection[];
}

export interface ReportSection {
  title: string;
  lines: string[];
}
