// A details row's value cell: the value and, under it, its rate (shared by the map's details
// panel and the embed's selected unit).
export function ValueCell({ value, rate }: { value: string; rate: string | null | undefined }) {
  return (
    <td className="num">
      {value}
      {rate && <div className="muted small">{rate}</div>}
    </td>
  );
}
