/*
 * Makes the server append each request's socket peer to X-Forwarded-For, as every proxy hop does.
 * Why: Next's server records the peer only when the header is absent (`??=` in base-server), so a
 * client that sends its own X-Forwarded-For would otherwise choose the address our sign-in limits
 * count (db/domain/client-address.ts reads the list from the right). Installed once at start-up by
 * instrumentation.ts, before the first request.
 */
import { type IncomingMessage, Server } from "node:http";
import { PEER_MARK_HEADER, peerMark } from "@/db/domain/client-address";

const PATCHED = Symbol.for("owl.peer-address");

export function appendPeerAddress(req: IncomingMessage): void {
  const peer = req.socket?.remoteAddress;
  // The mark says "this server appended the peer": a request without it (one that arrived before
  // the patch was installed, while Next was still starting) has an X-Forwarded-For the client may
  // have written, and is counted under one shared address instead (db/domain/client-address.ts).
  delete req.headers[PEER_MARK_HEADER];
  if (!peer) return;
  const prior = req.headers["x-forwarded-for"];
  const list = Array.isArray(prior) ? prior.join(", ") : prior;
  req.headers["x-forwarded-for"] = list ? `${list}, ${peer}` : peer;
  req.headers[PEER_MARK_HEADER] = peerMark();
}

export function installPeerAddress(): void {
  const proto = Server.prototype as Server & { [PATCHED]?: boolean };
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;
  const emit = proto.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") appendPeerAddress(args[0] as IncomingMessage);
    return emit.call(this, event, ...args);
  } as Server["emit"];
}
