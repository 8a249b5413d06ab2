"use server";

import "server-only";
import { claimCheckInAnswer, findCheckInByTokenHash } from "@/db/queries/check-ins";
import { Refusal } from "@/lib/chain/outcome";
import { tokenAction } from "@/lib/chain/token";
import { relationshipLabel } from "@/lib/relationships/rules";
import { checkInAnswerSchema } from "@/lib/schemas/check-ins";
import { checkInClosedMessage, checkInStatus } from "./status";
import { countCheckInSubmit } from "./throttle";

/**
 * The counterpart answers a check-in, without an account. The link must be waiting; the answer is claimed in
 * one statement, so a link takes exactly one. Every submit to a waiting link counts towards its rate limit,
 * before the transaction, so a refused one counts too. A link that takes no answer stores nothing.
 */
export const answerCheckIn = tokenAction(
  {
    name: "checkIn.answer",
    input: checkInAnswerSchema,
    lookup: findCheckInByTokenHash,
    // The form turns into a thank-you; re-rendering the page would replace it with "already answered".
    revalidate: false,
    before: async (db, { record }) => {
      if (checkInStatus(record) === "waiting") await countCheckInSubmit(db, record.id);
    },
    expect: { token: "checkIn", session: "none" },
  },
  async ({ tx, org, record, audit }, answer) => {
    const closed = checkInClosedMessage(checkInStatus(record), record.leaderName);
    if (closed) throw new Refusal("conflict", `${closed.title}. Nothing was saved.`);
    const claimed = await claimCheckInAnswer(tx, org.id, record.id, answer);
    if (!claimed) throw new Refusal("conflict", "This check-in was answered or closed a moment ago. Nothing more was saved.");
    await audit(null, {
      targetType: "relationship",
      targetId: record.relationshipId,
      targetLabel: relationshipLabel(record),
      after: { checkIn: record.id, trust: answer.trust, named: answer.respondentName !== null },
    });
    return { answered: true as const };
  },
);
