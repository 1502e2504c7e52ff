import type { ReactNode } from "react";

export type DataRow = { label: string; values: Array<string | number> };

/**
 * Accessible chart wrapper: the SVG is one image with a summary (role="img" + aria-label)
 * and the exact numbers are in a visually hidden table for screen readers.
 */
export function ChartFrame({
  summary,
  caption,
  columns,
  rows,
  width,
  height,
  children,
  testId,
}: {
  summary: string;
  caption: string;
  columns: string[];
  rows: DataRow[];
  width: number;
  height: number;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <figure className="m-0" data-testid={testId}>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full overflow-visible"
        style={{ maxHeight: `${height * 1.25}px` }}
      >
        {children}
      </svg>
      <table className="sr-only">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.label}-${i}`}>
              <th scope="row">{r.label}</th>
              {r.values.map((v, j) => (
                <td key={j}>{v}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export function NoData({ children = "No data yet.", testId }: { children?: ReactNode; testId?: string }) {
  return (
    <p className="py-6 text-center text-sm text-slate-500" data-testid={testId}>
      {children}
    </p>
  );
}
