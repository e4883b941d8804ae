/** `If-None-Match` names this version (or any): the client's copy is current, answer 304. Weak tags compare as strong. */
export function notModified(request: Request, etag: string): boolean {
  const sent = request.headers.get("if-none-match");
  if (!sent) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return sent.split(",").some((t) => t.trim() === "*" || bare(t) === bare(etag));
}
