// What the sign-in page says for each error code, Auth.js's and the development sign-in's.
const messages: Record<string, string> = {
  Configuration: "Sign-in is misconfigured on this server. The administrator can find the cause in its log.",
  AccessDenied: "The sign-in was refused.",
  Verification: "The sign-in link has expired or was already used.",
  OAuthAccountNotLinked:
    "This email already belongs to an account that signs in another way. Use the provider you used first.",
  OAuthCallbackError: "The identity provider's answer could not be used. Try again.",
  OAuthSignInError: "The identity provider could not be reached. Try again.",
  SessionRequired: "Sign in to see that page.",
  DevSignInDisabled: "The development sign-in is disabled on this server.",
  InvalidEmail: "Enter a valid email address.",
  DevSignInFailed: "The development sign-in failed: the API could not create a session. Is the API running?",
};

export function signInErrorMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  return messages[code] ?? "Sign-in failed. Try again.";
}
