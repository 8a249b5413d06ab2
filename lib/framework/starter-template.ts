import type { BehaviourInput } from "@/db/queries/behaviours";

/**
 * The behaviours a new organisation starts from, taken from the article's list and written for field and
 * inside sales. Each level describes what someone at that score does, so two leaders rating the same rep
 * reach the same number. The admin reviews, edits and confirms them before the first cycle opens.
 */
export const STARTER_BEHAVIOURS: readonly BehaviourInput[] = [
  {
    name: "Prospecting",
    description: "Finds and opens conversations with new potential customers, every week, without being told to.",
    level1: "Works only the accounts and leads handed to them; weeks go by with no new first meetings booked from their own outreach.",
    level3:
      "Blocks time for outreach most weeks and books a steady trickle of first meetings, though the list goes quiet when the quarter gets busy.",
    level5:
      "Protects prospecting time every week, researches each target before reaching out, and keeps a full calendar of first meetings even in busy months.",
  },
  {
    name: "Presenting",
    description: "Tells the customer a clear story about their problem and our answer, and adapts it to the room.",
    level1: "Reads the standard deck slide by slide, talks mostly about our company and cannot say afterwards what the customer cared about.",
    level3: "Opens with the customer's situation and cuts slides that do not fit, but sticks to the plan when questions pull in another direction.",
    level5:
      "Builds each meeting around what the customer said last time, invites questions early, drops the deck when the room wants a conversation, and ends with an agreed next step.",
  },
  {
    name: "Building relationships",
    description: "Earns trust with several people in each account, beyond the one contact who answers the phone.",
    level1: "Has a single contact per account and only calls when there is something to sell; a change of buyer means starting over.",
    level3: "Knows two or three people in key accounts and keeps in touch between orders, mostly by email.",
    level5:
      "Has working relationships across each key account, checks in with something useful rather than a pitch, and is the person customers call first when something goes wrong.",
  },
  {
    name: "Entertaining",
    description: "Uses meals, events and informal time with customers to deepen the relationship, within our policy.",
    level1: "Never invites customers out, or does so with no purpose, and cannot say what came of it.",
    level3: "Takes key customers to lunch or an event a few times a year and follows up afterwards on what was discussed.",
    level5:
      "Plans informal time around what each customer enjoys, uses it to learn what is really going on in their business, stays within policy and turns it into concrete next steps.",
  },
  {
    name: "Talking about money",
    description: "Discusses price, budget and value openly and early, without apologising or discounting by reflex.",
    level1: "Avoids price until the proposal, offers a discount as soon as the customer hesitates, and does not know the customer's budget.",
    level3: "Asks about budget during discovery and explains the price when asked, but still gives ground on price without getting anything back.",
    level5:
      "Raises budget and value in the first meetings, states the price plainly, ties it to the customer's own numbers and trades any concession for something in return.",
  },
  {
    name: "Coming up with solutions",
    description: "Shapes an offer around the customer's actual problem rather than the product they first asked for.",
    level1: "Quotes exactly the product requested and passes unusual requests to someone else without a proposal of their own.",
    level3: "Suggests the standard alternatives or add-ons that fit the need, and pulls in a specialist when the request is unusual.",
    level5:
      "Works out the problem behind the request, combines products, services and terms into an offer the customer had not thought of, and checks with operations that it can be delivered.",
  },
  {
    name: "Getting access to decision-makers",
    description: "Reaches the people who sign, approve the budget or can stop the deal, not only the day-to-day contact.",
    level1: "Deals only with whoever contacted us and learns who the decision-maker was after the deal is lost.",
    level3: "Knows who signs and asks the contact for an introduction, but usually meets the decision-maker only near the end.",
    level5:
      "Maps who decides, who influences and who can block early on, earns meetings with the senior people by bringing something worth their time, and keeps them involved through the deal.",
  },
  {
    name: "Qualifying and discovery",
    description: "Asks the questions that show whether there is a real need, budget, timing and fit before investing time.",
    level1: "Sends proposals to anyone who asks, has few notes on the customer's needs and is surprised when deals stall.",
    level3: "Covers need, budget and timing in discovery and writes it down, but keeps chasing deals that stopped qualifying.",
    level5:
      "Runs a prepared discovery that uncovers the cost of the problem and how the customer decides, and walks away early and politely from deals that do not fit.",
  },
  {
    name: "Negotiating and closing",
    description: "Asks for the business, handles objections and agrees terms that work for both sides.",
    level1: "Waits for the customer to decide, gives in on the first objection and leaves meetings without asking for the order.",
    level3:
      "Asks for the order when the moment looks right and answers common objections, though some deals still end with concessions we did not need to make.",
    level5:
      "Agrees the decision steps and date with the customer in advance, prepares for likely objections, trades rather than gives, and asks for the business clearly at the right time.",
  },
  {
    name: "Managing the pipeline",
    description: "Keeps an honest, up-to-date pipeline and forecast that the team can plan on.",
    level1: "Updates the CRM only when reminded, keeps dead deals open and misses their forecast by a wide margin.",
    level3: "Keeps most deals current with a next step and a date, and the forecast is roughly right, with some late surprises.",
    level5:
      "Reviews every open deal weekly, closes out the ones that stalled, knows exactly what is needed to land each forecast deal, and calls the quarter within a few percent.",
  },
];
