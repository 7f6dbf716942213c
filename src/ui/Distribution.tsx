/** Options with their probabilities, as text and a bar (a <meter>, never HTML from the model). */
export const Distribution = ({ name, options, probabilities }: { name: string; options: string[]; probabilities: number[] }) => (
  <table class="distribution" data-testid={`distribution-${name}`}>
    <tbody>
      {options.map((option, i) => (
        <tr key={option} data-option={option} data-probability={probabilities[i]}>
          <th scope="row">{option}</th>
          <td>
            <meter min={0} max={1} value={probabilities[i] ?? 0} />
          </td>
          <td class="number">{Math.round((probabilities[i] ?? 0) * 100)}%</td>
        </tr>
      ))}
    </tbody>
  </table>
);
