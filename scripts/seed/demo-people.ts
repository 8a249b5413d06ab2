/** The demo organisation's people. Invented names; the .example domain is reserved and never delivers mail. */
export const DEMO_PASSWORD = "coachgrid-demo";
export const DEMO_ORG = { slug: "brightwater", name: "Brightwater Supply Co.", timeZone: "America/Chicago" };

const domain = "brightwater.example";
const person = (name: string) => ({ name, email: `${name.split(" ")[0]!.toLowerCase()}@${domain}` });

export const DEMO_ADMIN = person("Dana Reyes");

export const DEMO_TEAMS = [
  {
    name: "Team East",
    leader: person("Marcus Webb"),
    reps: ["Avery Lin", "Jordan Ellis", "Sam Okafor", "Riley Chen", "Morgan Diaz"].map(person),
  },
  {
    name: "Team West",
    leader: person("Priya Nair"),
    reps: ["Casey Brooks", "Taylor Moreno", "Jamie Park", "Quinn Adler", "Drew Hollis"].map(person),
  },
];
