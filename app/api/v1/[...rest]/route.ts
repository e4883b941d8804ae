import { json } from "@/lib/http/api-response";

// Unknown API paths answer in the API's own error shape, not with an HTML page.
function notFound() {
  return json({ error: { code: "not_found", message: "There is no such API endpoint." } }, 404);
}
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
