/** Runs once when the server starts, before it answers a request (Next's instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerAddress } = await import("./app/_proxy/peer-address");
  installPeerAddress();
}
