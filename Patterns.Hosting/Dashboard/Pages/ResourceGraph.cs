using System.Globalization;
using System.Text;
using Patterns.Hosting.Dashboard.Telemetry;
using static Patterns.Hosting.Dashboard.Pages.Html;

namespace Patterns.Hosting.Dashboard.Pages;

/// <summary>
/// The model's edges as an SVG drawn on the server: resources in columns by how far down the
/// flow they are (an API before its functions, a function before its tables), each column
/// ordered to keep edges short; edges styled by kind and labelled with what they carry.
/// </summary>
internal static class ResourceGraph
{
    private const int NodeWidth = 190;
    private const int NodeHeight = 50;
    private const int ColumnGap = 120;
    private const int RowGap = 26;
    private const int Margin = 24;
    private const int MaxLabelLines = 4;

    private static readonly Dictionary<DashboardEdgeKind, (string Colour, string Dash)> Styles = new()
    {
        [DashboardEdgeKind.Route] = ("#57606a", ""),
        [DashboardEdgeKind.Reference] = ("#57606a", "6 4"),
        [DashboardEdgeKind.Subscription] = ("#8250df", ""),
        [DashboardEdgeKind.Mapping] = ("#bf8700", ""),
        [DashboardEdgeKind.Rule] = ("#0a7ea4", ""),
        [DashboardEdgeKind.Notification] = ("#1a7f37", ""),
        [DashboardEdgeKind.Authorizer] = ("#cf222e", "2 3"),
    };

    public static string Render(DashboardModel model, ServiceColors colors)
    {
        var names = model.Resources.Select(r => r.Name)
            .Concat(model.Edges.SelectMany(e => new[] { e.From, e.To }))
            .Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
            return "<div class=\"empty\">No resources to draw.</div>";
        var byName = model.Resources.GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var edges = model.Edges.Where(e => e.From != e.To).ToList();

        var column = Columns(names, edges);
        var rows = Rows(names, edges, column);
        var columnCount = column.Values.Max() + 1;
        var tallest = rows.Values.Max(r => r.Count);
        var width = Margin * 2 + columnCount * NodeWidth + (columnCount - 1) * ColumnGap;
        var loopsBelow = edges.Any(e => column[e.To] <= column[e.From]);
        var height = Margin * 2 + tallest * NodeHeight + (tallest - 1) * RowGap + (loopsBelow ? 48 : 0);
        var position = new Dictionary<string, (int X, int Y)>(StringComparer.Ordinal);
        foreach (var (c, inColumn) in rows)
        {
            var columnHeight = inColumn.Count * NodeHeight + (inColumn.Count - 1) * RowGap;
            var top = Margin + (tallest * NodeHeight + (tallest - 1) * RowGap - columnHeight) / 2;
            for (var i = 0; i < inColumn.Count; i++)
                position[inColumn[i]] = (Margin + c * (NodeWidth + ColumnGap), top + i * (NodeHeight + RowGap));
        }

        var svg = new StringBuilder();
        svg.Append(Inv($"<svg class=\"graph\" id=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Resource graph\"><defs>"));
        foreach (var (kind, style) in Styles)
            svg.Append($"<marker id=\"arrow-{kind}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{style.Colour}\"/></marker>");
        svg.Append("</defs>");

        foreach (var group in edges.GroupBy(e => (e.From, e.To, e.Kind)))
            svg.Append(Edge(group.Key.From, group.Key.To, group.Key.Kind, [.. group.Select(e => e.Label).OfType<string>()], position, column));
        foreach (var name in names)
            svg.Append(Node(name, byName.GetValueOrDefault(name), position[name], colors));
        svg.Append("</svg>");

        var legend = string.Concat(edges.Select(e => e.Kind).Distinct().Order().Select(kind =>
            $"<span><svg width=\"28\" height=\"8\"><line x1=\"0\" y1=\"4\" x2=\"28\" y2=\"4\" stroke=\"{Styles[kind].Colour}\" stroke-width=\"2\" stroke-dasharray=\"{Styles[kind].Dash}\"/></svg> {E(kind.ToString())}</span>"));
        // Drawn at full size and scrolled sideways when wider than the window, so its text stays readable.
        return $"<div class=\"graph-box\">{svg}</div>" + (legend.Length == 0 ? "" : $"<div class=\"legend\">{legend}</div>");
    }

    // Longest path from a source, bounded so that a cycle cannot loop forever.
    private static Dictionary<string, int> Columns(List<string> names, List<DashboardEdge> edges)
    {
        var column = names.ToDictionary(n => n, _ => 0, StringComparer.Ordinal);
        for (var round = 0; round < names.Count; round++)
        {
            var changed = false;
            foreach (var edge in edges)
            {
                if (column[edge.To] < column[edge.From] + 1 && column[edge.From] + 1 < names.Count)
                {
                    column[edge.To] = column[edge.From] + 1;
                    changed = true;
                }
            }
            if (!changed)
                break;
        }
        return column;
    }

    // Declaration order in the first column; after that, by the mean row of each node's predecessors.
    private static SortedDictionary<int, List<string>> Rows(List<string> names, List<DashboardEdge> edges, Dictionary<string, int> column)
    {
        var rows = new SortedDictionary<int, List<string>>();
        var rowOf = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var c in column.Values.Distinct().Order())
        {
            var inColumn = names.Where(n => column[n] == c).ToList();
            var ordered = inColumn
                .Select((n, declared) => (Name: n, Declared: declared, Weight: edges.Where(e => e.To == n && rowOf.ContainsKey(e.From)).Select(e => rowOf[e.From]).DefaultIfEmpty(double.MaxValue).Average()))
                .OrderBy(n => n.Weight).ThenBy(n => n.Declared)
                .Select(n => n.Name).ToList();
            for (var i = 0; i < ordered.Count; i++)
                rowOf[ordered[i]] = i;
            rows[c] = ordered;
        }
        return rows;
    }

    private static string Edge(string from, string to, DashboardEdgeKind kind, List<string> labels, Dictionary<string, (int X, int Y)> position, Dictionary<string, int> column)
    {
        var (colour, dash) = Styles[kind];
        var (x1, y1) = position[from];
        var (x2, y2) = position[to];
        string path;
        double labelX, labelY;
        if (column[to] > column[from])
        {
            double sx = x1 + NodeWidth, sy = y1 + NodeHeight / 2.0, tx = x2 - 2, ty = y2 + NodeHeight / 2.0;
            var bend = (tx - sx) / 2;
            path = Inv($"M{sx},{sy} C{sx + bend},{sy} {tx - bend},{ty} {tx},{ty}");
            // Past the middle, where edges fanning out of one node have parted, so labels do not pile up.
            (labelX, labelY) = Bezier(0.62, (sx, sy), (sx + bend, sy), (tx - bend, ty), (tx, ty));
            labelY -= 6;
        }
        else
        {
            // Back or sideways: loop under both nodes.
            double sx = x1 + NodeWidth / 2.0, sy = y1 + NodeHeight, tx = x2 + NodeWidth / 2.0, ty = y2 + NodeHeight + 2;
            var depth = Math.Max(sy, ty) + 36;
            path = Inv($"M{sx},{sy} C{sx},{depth} {tx},{depth} {tx},{ty}");
            (labelX, labelY) = ((sx + tx) / 2, depth - 4);
        }
        var shown = labels.Take(MaxLabelLines).ToList();
        if (labels.Count > MaxLabelLines)
            shown[^1] = $"+{labels.Count - MaxLabelLines + 1} more";
        var firstY = labelY - (shown.Count - 1) * 15;
        var text = string.Concat(shown.Select((l, i) => Inv($"<tspan x=\"{labelX}\" y=\"{firstY + i * 15}\">{E(l)}</tspan>")));
        return $"<g class=\"edge\" data-from=\"{E(from)}\" data-to=\"{E(to)}\" data-kind=\"{kind}\"><title>{E(kind.ToString())}: {E(from)} → {E(to)}</title>" +
               $"<path d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.6\" stroke-dasharray=\"{dash}\" marker-end=\"url(#arrow-{kind})\"/>" +
               (shown.Count == 0 ? "" : $"<text text-anchor=\"middle\" font-size=\"12\" fill=\"#3d444d\" stroke=\"#fcfdfe\" stroke-width=\"4\" paint-order=\"stroke\">{text}</text>") +
               "</g>";
    }

    private static (double X, double Y) Bezier(double t, (double X, double Y) p0, (double X, double Y) p1, (double X, double Y) p2, (double X, double Y) p3)
    {
        var u = 1 - t;
        double Mix(double a, double b, double c, double d) => u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * d;
        return (Mix(p0.X, p1.X, p2.X, p3.X), Mix(p0.Y, p1.Y, p2.Y, p3.Y));
    }

    private static string Node(string name, DashboardResource? resource, (int X, int Y) at, ServiceColors colors)
    {
        var type = resource?.Type ?? "not in the model";
        var subtitle = resource?.InstanceCount is { } instances ? $"{type} · {instances} instance{(instances == 1 ? "" : "s")}" : type;
        var shownName = name.Length > 24 ? name[..23] + "…" : name;
        var node = Inv($"<rect x=\"{at.X}\" y=\"{at.Y}\" width=\"{NodeWidth}\" height=\"{NodeHeight}\" rx=\"8\" fill=\"#fff\" stroke=\"#8c959f\"/>") +
                   Inv($"<rect x=\"{at.X}\" y=\"{at.Y}\" width=\"6\" height=\"{NodeHeight}\" rx=\"3\" fill=\"{colors.Of(name)}\"/>") +
                   Inv($"<text x=\"{at.X + 16}\" y=\"{at.Y + 21}\" font-weight=\"600\" fill=\"#1f2328\">{E(shownName)}</text>") +
                   Inv($"<text x=\"{at.X + 16}\" y=\"{at.Y + 39}\" font-size=\"12\" fill=\"#59636e\">{E(subtitle)}</text>");
        var inner = $"<title>{E(name)} ({E(type)})</title>{node}";
        return resource?.Type == DashboardResource.FunctionType
            ? $"<a class=\"node\" data-name=\"{E(name)}\" href=\"/console{Query(("resource", name))}\">{inner}</a>"
            : $"<g class=\"node\" data-name=\"{E(name)}\">{inner}</g>";
    }

    private static string Inv(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
