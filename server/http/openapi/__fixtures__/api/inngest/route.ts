export const GET = () => new Response("not ours");
