// Camera stream URLs: which ones are accepted, and how their credentials are hidden. Jingwei only stores the URL;
// the browser or the inspector's player opens the stream itself.

/** RTSP (and RTSP over TLS) for NVRs and IP cameras; HTTP(S) for HLS playlists (.m3u8) and web players. */
export const STREAM_SCHEMES = ["rtsp:", "rtsps:", "http:", "https:"] as const;

export type StreamUrlProblem = "format" | "stream_url_scheme";

/** Null when the URL can be stored; else the field code of the problem. */
export function checkStreamUrl(value: string): StreamUrlProblem | null {
  const text = value.trim();
  if (/\s/.test(text)) return "format";
  // No scheme at all (10.0.0.5:554/live): say which schemes are expected.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) return "stream_url_scheme";
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "format";
  }
  if (!(STREAM_SCHEMES as readonly string[]).includes(url.protocol.toLowerCase())) return "stream_url_scheme";
  if (!url.hostname) return "format";
  return null;
}

/** Query parameters that carry secrets in camera and CDN URLs (tokens, signatures, passwords). */
const SECRET_PARAMS = /^(pass(word)?|pwd|passwd|token|access_?token|auth|key|secret|sign(ature)?|sig)$/i;

export const MASK = "***";

/**
 * The URL with its password (and secret query parameters) replaced by ***: rtsp://user:***@host:554/path.
 * Built from the parts rather than through URL.toString(), which would percent-encode the mask.
 */
export function maskStreamUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // Never stored (checkStreamUrl), but never echo an unparsable value that might hold a secret either.
    return MASK;
  }
  const credentials = url.username || url.password ? `${url.username}${url.password ? `:${MASK}` : ""}@` : "";
  const port = url.port ? `:${url.port}` : "";
  let search = "";
  if (url.search) {
    const pairs = url.search
      .slice(1)
      .split("&")
      .map((pair) => {
        const eq = pair.indexOf("=");
        const name = eq < 0 ? pair : pair.slice(0, eq);
        let decoded = name;
        try {
          decoded = decodeURIComponent(name);
        } catch {
          // keep the raw name
        }
        return eq >= 0 && SECRET_PARAMS.test(decoded) ? `${name}=${MASK}` : pair;
      });
    search = `?${pairs.join("&")}`;
  }
  return `${url.protocol}//${credentials}${url.hostname}${port}${url.pathname}${search}${url.hash}`;
}
