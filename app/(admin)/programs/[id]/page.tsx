import { ProgramEditor } from "@/components/programs/program-editor";
import { requirePageActor } from "@/server/auth/page-actor";

export default async function ProgramEditorPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageActor("programs:write");
  const { id } = await params;
  // "Today" for the preview's default join date and the calendar strip (UTC; the preview takes any date).
  return <ProgramEditor programId={id} today={new Date().toISOString().slice(0, 10)} />;
}
