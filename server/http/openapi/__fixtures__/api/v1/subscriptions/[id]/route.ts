export const GET = () => new Response("{}");
export async function DELETE() {
  return new Response("{}");
}
