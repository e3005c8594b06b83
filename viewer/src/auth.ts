// The viewer's token (docs/security.md): taken once from ?token= (what ./riskmap demo and an
// administrator's device-token link open), kept in localStorage, and sent with every request as
// `Authorization: Bearer` (api.ts, MapLibre's tile requests) and to the hub (accessTokenFactory).
// Without one, or when the server refuses it, a small sign-in form asks for a username and password.
import { el } from "./dom";

const StorageKey = "riskmap.token";

/** The address without its token, and the token it carried (null when none). Pure. */
export function splitToken(search: string): { token: string | null; search: string } {
  const params = new URLSearchParams(search);
  const token = params.get("token");
  params.delete("token");
  const rest = params.toString();
  return { token: token && token.trim() ? token.trim() : null, search: rest ? `?${rest}` : "" };
}

/** Whether `url` goes to the server the viewer came from (only those requests carry the token). Pure. */
export function isOwnServer(url: string, origin: string): boolean {
  try {
    return new URL(url, origin).origin === origin;
  } catch {
    return false;
  }
}

/** Keeps a ?token= from the address and removes it from the address bar and history. */
export function adoptTokenFromAddress(): void {
  const { token, search } = splitToken(window.location.search);
  if (token === null) return;
  localStorage.setItem(StorageKey, token);
  history.replaceState(history.state, "", `${window.location.pathname}${search}${window.location.hash}`);
}

export function currentToken(): string | null {
  return localStorage.getItem(StorageKey);
}

export function authHeaders(): Record<string, string> {
  const token = currentToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** MapLibre's transformRequest: tiles and TileJSON from our server carry the token. */
export function authorizeRequest(url: string): { url: string; headers?: Record<string, string> } {
  return isOwnServer(url, window.location.origin) ? { url, headers: authHeaders() } : { url };
}

let asking = false;

/** The server refused the token (or there was none): forget it and ask for a sign-in, once. */
export function signInRequired(): void {
  localStorage.removeItem(StorageKey);
  if (asking) return;
  asking = true;
  const form = el("form", "sign-in");
  const user = Object.assign(el("input"), { name: "username", placeholder: "用户名 username", autocomplete: "username", required: true });
  const password = Object.assign(el("input"), { name: "password", type: "password", placeholder: "密码 password", autocomplete: "current-password", required: true });
  const message = el("p", "sign-in-message");
  form.append(el("h2", "", "登录 Sign in"), user, password, Object.assign(el("button", "", "登录 Sign in"), { type: "submit" }), message);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void fetch("api/auth/token", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ username: user.value, password: password.value, label: "viewer" }),
    }).then(async (response) => {
      if (!response.ok) {
        message.textContent = response.status === 429 ? "尝试过多，请稍后 Too many attempts, wait a minute" : "用户名或密码错误 Wrong username or password";
        return;
      }
      localStorage.setItem(StorageKey, ((await response.json()) as { token: string }).token);
      window.location.reload();
    });
  });
  document.body.append(form);
  user.focus();
}
