import { actionId, signIn } from "@/scripts/bench/app";
const url = process.argv[2] ?? "http://localhost:3201";
const slug = "brightwater";
const cookie = await signIn(url, "dana@brightwater.example", "coachgrid-demo").catch(async () => {
  const people = "dana";
  return signIn(url, `${people}@brightwater.example`, "coachgrid-demo");
});
const ping = actionId("lib/bench/actions.ts", "pingBaseline");
const rate = actionId("lib/grid/actions.ts", "rateRep");
const settings = actionId("lib/organisations/actions.ts", "updateOrganisationSettings");
async function send(label: string, path: string, init: RequestInit & { headers?: Record<string, string> }) {
  const r = await fetch(url + path, { redirect: "manual", ...init });
  const text = await r.text();
  const h = r.headers;
  console.log(`${label}\n   -> ${r.status} csp=${h.get("content-security-policy") ? "yes" : "NO"} nosniff=${h.get("x-content-type-options") ?? "NO"} location=${h.get("location") ?? ""} body=${JSON.stringify(text.slice(0, 160))}`);
}
const action = (id: string, cookieHeader: string | null, body: string, extra: Record<string, string> = {}) => ({
  method: "POST",
  headers: { Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8", "Next-Action": id, Origin: url, ...(cookieHeader ? { Cookie: cookieHeader } : {}), ...extra },
  body,
});
await send(`POST /o/${slug}/settings, signed out, Next-Action settings, body [{},"x"]`, `/o/${slug}/settings`, action(settings, null, JSON.stringify([slug, {}, "x"])));
await send(`POST /o/${slug}/settings, signed in, body ["${slug}", {}, "x"]`, `/o/${slug}/settings`, action(settings, cookie, JSON.stringify([slug, {}, "x"])));
await send(`POST /o/${slug}/bench, signed out, bench.ping with slug "a\\u0000b"`, `/o/${slug}/bench`, action(ping, null, JSON.stringify(["a\u0000b", {}])));
await send(`POST /o/${slug}/bench, signed in, bench.ping with slug "a\\u0000b"`, `/o/${slug}/bench`, action(ping, cookie, JSON.stringify(["a\u0000b", {}])));
await send(`GET /o/%00/grid signed in`, `/o/%00/grid`, { headers: { Cookie: cookie } });
await send(`GET /o/x/join/%E0 (signed out)`, `/o/x/join/%E0`, {});
await send(`GET /o/${slug}/reps/%E0 (signed in)`, `/o/${slug}/reps/%E0`, { headers: { Cookie: cookie } });
await send(`GET /o/x/check-in/%C0%AF`, `/o/x/check-in/%C0%AF`, {});
// expectedVersion 2^31 on a save (the leader of the demo org rates; the admin may too?)
await send(`POST /o/${slug}/grid grid.rate expectedVersion 2^31 (ids made up)`, `/o/${slug}/grid`, action(rate, cookie, JSON.stringify([slug, { cycleId: "00000000-0000-4000-8000-000000000000", repUserId: "00000000-0000-4000-8000-000000000000", behaviourId: "00000000-0000-4000-8000-000000000000", score: 3, expectedVersion: 2 ** 31 }])));
await send(`POST /o/${slug}/bench broken JSON body`, `/o/${slug}/bench`, action(ping, cookie, "[\"brightwater\", {"));
await send(`POST /o/${slug}/bench body 2 MB (over the 1 MB limit)`, `/o/${slug}/bench`, action(ping, cookie, JSON.stringify([slug, { x: "x".repeat(2_000_000) }])));
await send(`GET /o/${slug}/bench with forged Next-Router-State-Tree`, `/o/${slug}/bench`, { headers: { Cookie: cookie, RSC: "1", "Next-Router-State-Tree": "%E0garbage" } });
await send(`GET /o/${slug}/bench with Next-Router-State-Tree not JSON`, `/o/${slug}/bench`, { headers: { Cookie: cookie, RSC: "1", "Next-Router-State-Tree": "notjson" } });
await send(`GET /o/${slug}/bench with Next-Router-State-Tree JSON of wrong shape`, `/o/${slug}/bench`, { headers: { Cookie: cookie, RSC: "1", "Next-Router-State-Tree": encodeURIComponent(JSON.stringify({ a: 1 })) } });
await send(`POST /o/${slug}/bench unknown action id`, `/o/${slug}/bench`, action("00".repeat(21), cookie, "[]"));
await send(`POST /o/${slug}/bench multipart garbage`, `/o/${slug}/bench`, { method: "POST", headers: { "Next-Action": ping, Origin: url, Cookie: cookie, "Content-Type": "multipart/form-data; boundary=x" }, body: "garbage" });
await send(`GET /o/${slug}/bench as a rep? (admin here)`, `/o/${slug}/bench`, { headers: { Cookie: cookie } });
await send(`POST /o/${slug}/bench bench.ping ok`, `/o/${slug}/bench`, action(ping, cookie, JSON.stringify([slug, {}])));
await send(`GET /login?next=%2F%09%2Fevil.example%2F`, `/login?next=%2F%09%2Fevil.example%2F`, {});
const fake = "next-auth.session-token=forged";
const signUp = actionId("lib/accounts/actions.ts", "signUp");
await send(`POST /signup, signed out, sign-up action, body [{},"x"]`, `/signup`, action(signUp, null, JSON.stringify([{}, "x"])));
await send(`POST /o/${slug}/settings, forged session cookie, body ["${slug}",{},"x"]`, `/o/${slug}/settings`, action(settings, fake, JSON.stringify([slug, {}, "x"])));
await send(`POST /o/${slug}/bench, forged session cookie, bench.ping slug "a\\u0000b"`, `/o/${slug}/bench`, action(ping, fake, JSON.stringify(["a\u0000b", {}])));
const accept = actionId("lib/invites/join.ts", "acceptInviteAsNewPerson");
await send(`POST /o/${slug}/join/t, signed out, invite token action with slug "a\\u0000b"`, `/o/${slug}/join/t`, action(accept, null, JSON.stringify(["a\u0000b", "t", {}])));
for (const tree of ["%E0garbage", "notjson", encodeURIComponent(JSON.stringify({ a: 1 })), encodeURIComponent("[1,2]")]) {
  const first = await fetch(`${url}/o/${slug}/bench`, { redirect: "manual", headers: { Cookie: cookie, RSC: "1", "Next-Router-State-Tree": tree } });
  const loc = first.headers.get("location");
  if (loc) await send(`GET ${loc} RSC with Next-Router-State-Tree ${tree}`, loc, { headers: { Cookie: cookie, RSC: "1", "Next-Router-State-Tree": tree } });
}
const { gridCells } = await import("@/scripts/bench/app");
const marcus = await signIn(url, "marcus@brightwater.example", "coachgrid-demo");
const html = await (await fetch(`${url}/o/${slug}/grid`, { headers: { Cookie: marcus } })).text();
const cell = [...gridCells(html).values()][0]!;
const cycleId = /"cycleId":"([0-9a-f-]{36})"/.exec(html.replaceAll('\\"', '"'))?.[1];
await send(`POST /o/${slug}/grid grid.rate as the leader, a real cell, expectedVersion 2^31`, `/o/${slug}/grid`, action(rate, marcus, JSON.stringify([slug, { cycleId, repUserId: cell.repUserId, behaviourId: cell.behaviourId, score: 3, expectedVersion: 2 ** 31 }])));
