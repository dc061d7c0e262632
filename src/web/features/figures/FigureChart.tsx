/**
 * One chart of the figures page, drawn with recharts (loaded with this module only when the page is
 * opened). The chart is a picture of the table beside it: hidden from screen readers, which read the
 * table, and holding nothing to focus.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/** A series of the chart: the data key, its label and colour. */
export type Series = { key: string; label: string; color: string };
type Props = {
  type: 'bar' | 'line';
  data: Record<string, string | number | null>[];
  xKey: string;
  series: Series[];
  stacked?: boolean;
};

/** A bar or line chart of `data`, one bar or line per series. */
export function FigureChart({ type, data, xKey, series, stacked }: Props) {
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey={xKey} interval={0} tick={{ fontSize: 12 }} />
      <YAxis allowDecimals={false} />
      <Tooltip />
      <Legend />
    </>
  );
  return (
    <div className="figure-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={280}>
        {type === 'line' ? (
          <LineChart data={data} accessibilityLayer={false}>
            {axes}
            {series.map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={s.color}
                strokeWidth={2}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        ) : (
          <BarChart data={data} accessibilityLayer={false}>
            {axes}
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={s.color}
                stackId={stacked ? 'all' : undefined}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}

export default FigureChart;
