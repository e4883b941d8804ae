import { getDb } from "@/lib/db";
import { answerFhir } from "@/lib/interop/fhir-http";

// FHIR R4, public and read-only: metadata, read and search, and the SMART Scheduling Links $bulk-publish feed.
export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  return answerFhir(await getDb(), request, path);
}
