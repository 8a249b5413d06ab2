const behaviours = ["Prospecting", "Presenting", "Money talk", "Access"];
const rows: { name: string; scores: number[] }[] = [
  { name: "Avery", scores: [4, 3, 2, 4] },
  { name: "Jordan", scores: [2, 4, 3, 3] },
  { name: "Sam", scores: [5, 4, 4, 2] },
];

const shade = ["", "bg-orange-200", "bg-orange-100", "bg-slate-100", "bg-sky-100", "bg-sky-300"];

function average(values: number[]) {
  return (Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10).toFixed(1);
}

/** An illustration of the grid on the landing page: invented people, numbers always shown. */
export function SampleGrid() {
  return (
    <figure className="rounded-xl bg-white p-4 shadow-lg ring-1 ring-slate-200">
      <table className="w-full text-sm">
        <caption className="pb-3 text-left text-xs font-medium text-slate-500">Example grid: leader ratings, 1 to 5</caption>
        <thead>
          <tr>
            <th scope="col" className="py-2 text-left font-medium text-slate-500">
              Rep
            </th>
            {behaviours.map((b) => (
              <th key={b} scope="col" className="px-1 py-2 text-center text-xs font-medium text-slate-500">
                {b}
              </th>
            ))}
            <th scope="col" className="px-1 py-2 text-center text-xs font-medium text-slate-500">
              Avg
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row" className="py-1 text-left font-medium text-slate-800">
                {row.name}
              </th>
              {row.scores.map((score, i) => (
                <td key={i} className="p-1">
                  <span className={`flex h-9 items-center justify-center rounded-md font-semibold text-slate-900 ${shade[score]}`}>{score}</span>
                </td>
              ))}
              <td className="p-1 text-center font-semibold text-slate-700">{average(row.scores)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
