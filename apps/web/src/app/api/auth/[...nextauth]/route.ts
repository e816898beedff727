// Auth.js's HTTP endpoints: provider redirects, OAuth callbacks, session and sign-out.
import { handlers } from "../../../../auth";

export const { GET, POST } = handlers;
