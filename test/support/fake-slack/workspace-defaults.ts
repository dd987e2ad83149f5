// Identifiers shared by the fake Web API and the request builders, so a test's requests and the fake's
// auth.test answer describe the same workspace unless a test overrides them.
export const FAKE_WORKSPACE = {
  teamId: "T0AIMSTEST",
  teamDomain: "aims-test",
  apiAppId: "A0AIMSBOT",
  botUserId: "U0AIMSBOT",
  botId: "B0AIMSBOT",
  /** The legacy verification token Slack still includes in payloads. */
  verificationToken: "fake-verification-token",
} as const;
