using System.Globalization;

namespace Patterns.Hosting.Dashboard.Pages;

/// <summary>The frame around every page: navigation, styles, and the script that keeps the live part current.</summary>
internal static class PageLayout
{
    public static readonly (string Path, string Label)[] Navigation =
    [
        ("/resources", "Resources"),
        ("/console", "Console logs"),
        ("/logs", "Structured logs"),
        ("/traces", "Traces"),
        ("/invocations", "Invocations"),
        ("/metrics", "Metrics"),
    ];

    public static string Render(string activePath, PageContent page, string fragmentUrl, string etag, TimeSpan refresh)
    {
        var nav = string.Concat(Navigation.Select(n =>
            $"<a href=\"{n.Path}\"{(n.Path == activePath ? " class=\"active\"" : "")}>{Html.E(n.Label)}</a>"));
        var interval = ((int)refresh.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{Html.E(page.Title)}} · Serverless Patterns</title>
            <style>{{Styles}}</style>
            </head>
            <body>
            <header><span class="brand">Serverless Patterns</span><nav>{{nav}}</nav><span class="live" id="live-state">live</span></header>
            <main>
            <h1>{{Html.E(page.Title)}}</h1>
            {{page.Controls}}
            <div id="live" data-src="{{Html.E(fragmentUrl)}}" data-etag="{{Html.E(etag)}}" data-refresh="{{interval}}">{{page.Body}}</div>
            </main>
            <script>{{Script}}</script>
            </body>
            </html>
            """;
    }

    private const string Styles = """
        :root { --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --panel:#f6f8fa; --accent:#0969da; --error:#d1242f; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--fg); background: #fff; }
        header { display: flex; align-items: center; gap: 20px; padding: 0 20px; height: 46px; background: #24292f; color: #fff; }
        header .brand { font-weight: 600; white-space: nowrap; }
        header nav a { color: #d0d7de; text-decoration: none; padding: 13px 9px; display: inline-block; }
        header nav a.active { color: #fff; box-shadow: inset 0 -3px 0 #fd8c73; }
        header .live { margin-left: auto; font-size: 12px; color: #8c959f; }
        body.offline header .live { color: #ff8182; }
        main { padding: 14px 20px 24px; }
        h1 { font-size: 20px; margin: 0 0 12px; }
        h2 { font-size: 16px; margin: 22px 0 8px; }
        h3 { font-size: 14px; margin: 12px 0 4px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { font-size: 12px; color: var(--muted); font-weight: 600; background: var(--panel); white-space: nowrap; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .chip { display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; }
        .dot { width: 10px; height: 10px; border-radius: 50%; display: inline-block; flex: none; }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; background: #eaeef2; color: #3d444d; white-space: nowrap; }
        .badge.ok { background: #dafbe1; color: #116329; }
        .badge.warn { background: #fff8c5; color: #7d4e00; }
        .badge.error { background: #ffebe9; color: var(--error); }
        .muted { color: var(--muted); }
        .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 12.5px; word-break: break-all; }
        .error-text { color: var(--error); font-weight: 600; }
        form.filters { display: flex; gap: 8px; align-items: center; margin-bottom: 12px; flex-wrap: wrap; }
        form.filters input[type=search] { width: 320px; }
        input, select, button { font: inherit; padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; background: #fff; color: var(--fg); }
        button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
        a { color: var(--accent); }
        details summary { cursor: pointer; color: var(--accent); }
        .summary-line { color: var(--muted); margin: 0 0 8px; }
        .console { background: #0d1117; color: #e6edf3; padding: 12px; border-radius: 6px; height: calc(100vh - 200px); min-height: 300px; overflow: auto; margin: 0; font: 12.5px/1.5 ui-monospace, "DejaVu Sans Mono", monospace; white-space: pre-wrap; word-break: break-all; }
        .console .t { color: #7d8590; }
        .tabs { display: flex; gap: 6px; flex-wrap: wrap; margin-bottom: 10px; }
        .tabs a { padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; text-decoration: none; color: var(--fg); }
        .tabs a.active { background: var(--accent); color: #fff; border-color: var(--accent); }
        .bar-cell { width: 180px; }
        .bar { height: 8px; border-radius: 2px; min-width: 2px; background: #8c959f; }
        .wf { border: 1px solid var(--line); border-radius: 6px; }
        .wf-head, .wf-row { display: grid; grid-template-columns: 400px 1fr; }
        .wf-head { background: var(--panel); font-size: 12px; color: var(--muted); border-bottom: 1px solid var(--line); }
        .wf-head > div:first-child { padding: 4px 8px; }
        .axis { position: relative; height: 26px; margin: 0 80px 0 8px; }
        .axis span { position: absolute; top: 4px; transform: translateX(-50%); white-space: nowrap; }
        .axis span.first { transform: none; }
        .axis span.last { transform: translateX(-100%); }
        .wf-row { border-bottom: 1px solid #eef1f4; cursor: pointer; min-height: 28px; }
        .wf-row:hover { background: #f6f8fa; }
        .wf-row.open { background: #ddf4ff; }
        .wf-label { padding: 4px 8px; overflow: hidden; white-space: nowrap; display: flex; align-items: center; gap: 6px; }
        .wf-label .name { overflow: hidden; text-overflow: ellipsis; }
        .wf-label .svc { font-size: 12px; color: var(--muted); }
        .wf-track { position: relative; margin: 0 80px 0 8px; }
        .wf-bar { position: absolute; top: 8px; height: 12px; border-radius: 3px; min-width: 2px; }
        .wf-bar.error { outline: 2px solid var(--error); background-image: repeating-linear-gradient(45deg, transparent 0 4px, rgba(255,255,255,.5) 4px 8px); }
        .wf-dur { position: absolute; top: 5px; font-size: 12px; color: var(--muted); white-space: nowrap; padding-left: 6px; }
        .err-icon { color: var(--error); font-weight: 700; }
        .link-mark { font-size: 11px; color: #8250df; white-space: nowrap; }
        .wf-detail { padding: 8px 16px 14px; background: #fbfcfd; border-bottom: 1px solid var(--line); }
        .kv td { padding: 3px 8px; font-size: 13px; }
        .kv td:first-child { width: 240px; color: var(--muted); }
        .detail-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 24px; }
        .graph-box { overflow-x: auto; }
        svg.graph { border: 1px solid var(--line); border-radius: 6px; background: #fcfdfe; }
        svg.graph text { font: 13px system-ui, "DejaVu Sans", sans-serif; }
        .legend { display: flex; gap: 16px; font-size: 12px; color: var(--muted); margin-top: 6px; }
        .empty { padding: 24px; color: var(--muted); border: 1px dashed var(--line); border-radius: 6px; text-align: center; }
        @media print {
          header nav, header .live, form.filters { display: none; }
          body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .console { height: auto; overflow: visible; }
          svg.graph { max-width: 100%; height: auto; }
        }
        """;

    // Polls the live part's fragment with its ETag (304 when nothing changed), keeps open span
    // details open and a console scrolled to its end, and says so when the dashboard is gone.
    private const string Script = """
        (() => {
          const live = document.getElementById('live');
          if (!live) return;
          const open = new Set([...live.querySelectorAll('.wf-detail:not([hidden])')].map(d => d.id));
          live.addEventListener('click', e => {
            const row = e.target.closest('[data-detail]');
            if (!row || e.target.closest('a')) return;
            const detail = document.getElementById(row.dataset.detail);
            if (!detail) return;
            detail.hidden = !detail.hidden;
            row.classList.toggle('open', !detail.hidden);
            if (detail.hidden) open.delete(detail.id); else open.add(detail.id);
          });
          const atEnd = el => el.scrollHeight - el.scrollTop - el.clientHeight < 24;
          const scrollConsole = () => { const c = live.querySelector('.console'); if (c) c.scrollTop = c.scrollHeight; };
          scrollConsole();
          let etag = live.dataset.etag;
          async function refresh() {
            if (document.hidden) return;
            try {
              const response = await fetch(live.dataset.src, { headers: etag ? { 'If-None-Match': etag } : {} });
              document.body.classList.remove('offline');
              document.getElementById('live-state').textContent = 'live';
              if (response.status !== 200) return;
              etag = response.headers.get('ETag');
              const consoleBefore = live.querySelector('.console');
              const follow = !consoleBefore || atEnd(consoleBefore);
              live.innerHTML = await response.text();
              for (const id of open) {
                const detail = document.getElementById(id);
                if (!detail) continue;
                detail.hidden = false;
                const row = live.querySelector(`[data-detail="${id}"]`);
                if (row) row.classList.add('open');
              }
              if (follow) scrollConsole();
            } catch (error) {
              document.body.classList.add('offline');
              document.getElementById('live-state').textContent = 'disconnected: ' + error.message;
            }
          }
          setInterval(refresh, Number(live.dataset.refresh) || 1000);
        })();
        """;
}
