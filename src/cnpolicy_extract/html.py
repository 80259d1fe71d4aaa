"""A self-contained HTML view of one Document: the text with everything found
highlighted, and tables. UTF-8, inline CSS, no scripts, no network.

The markup is well-formed XML (every tag closed, text escaped), so it can be
checked with an XML parser.
"""
from __future__ import annotations

from html import escape
from typing import Any

from .types import Document

# kind → (label, colour)
KINDS: dict[str, tuple[str, str]] = {
    "figures": ("数字 figure", "#ffd966"),
    "codes": ("代号 code", "#f4b6c2"),
    "organizations": ("机构 organisation", "#9fc5e8"),
    "people": ("人物 person", "#b6d7a8"),
    "places": ("地点 place", "#d5a6f0"),
    "times": ("时间 time", "#f9cb9c"),
}

_CSS = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC",
"Microsoft YaHei",sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#222;line-height:1.9}
h1{font-size:1.3em;margin-bottom:.2em}.meta{color:#666;font-size:.9em}
.legend span{display:inline-block;margin:0 .6em .3em 0;padding:0 .4em;border-radius:3px;font-size:.85em}
.text{white-space:pre-wrap;border:1px solid #ddd;border-radius:6px;padding:1em 1.2em;background:#fcfcfc}
mark{border-radius:3px;padding:0 1px;color:inherit}
mark mark{border-bottom:2px solid #555}
table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:.88em}
th,td{border:1px solid #ccc;padding:.15em .5em;text-align:left;vertical-align:top}
th{background:#f0f0f0}td.n{text-align:right;font-variant-numeric:tabular-nums}
h2{font-size:1.1em;margin-top:1.5em}
"""


def _style() -> str:
    rules = "".join(f"mark.{k},.legend .{k}{{background:{c}}}" for k, (_, c) in KINDS.items())
    return _CSS + rules


def _spans(doc: Document) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, tooltip) for every highlighted span."""
    out: list[tuple[int, int, str, str]] = []
    for f in doc.figures:
        rng = f"{f.value:g}" + (f"–{f.value_max:g}" if f.value_max is not None else "")
        tip = f"figure: {rng} {f.unit or ''} ({f.dimension}, {f.qualifier})"
        if f.metric:
            tip += f" · {f.metric}"
        out.append((f.start, f.end, "figures", tip))
    for c in doc.codes:
        out.append((c.start, c.end, "codes", f"code: {c.code}" + (f" · {c.kind}" if c.kind else "")))
    for o in doc.organizations:
        out.append((o.start, o.end, "organizations", f"organisation: {o.name} ({o.type})"))
    for p in doc.people:
        tip = f"person: {p.name}" + (f" ({p.role})" if p.role else "")
        for m in p.mentions:
            out.append((m.start, m.end, "people", tip))
    for pl in doc.places:
        out.append((pl.start, pl.end, "places", f"place: {pl.name} ({pl.level or '?'})"))
    for t in doc.times:
        out.append((t.start, t.end, "times", f"time: {t.value}"))
    return out


def _nest(spans: list[tuple[int, int, str, str]], n: int) -> list[tuple[int, int, str, str]]:
    """The spans that nest properly (longest first at equal start); a span that
    crosses another is left out of the inline view (it is still in the tables)."""
    ok: list[tuple[int, int, str, str]] = []
    stack: list[int] = []  # ends of open spans
    for s, e, k, tip in sorted(spans, key=lambda x: (x[0], -x[1])):
        if not (0 <= s < e <= n):
            continue
        while stack and stack[-1] <= s:
            stack.pop()
        if stack and e > stack[-1]:
            continue  # crosses the enclosing span
        ok.append((s, e, k, tip))
        stack.append(e)
    return ok


def highlighted(doc: Document) -> str:
    text = doc.text
    spans = _nest(_spans(doc), len(text))
    # (position, closes before opens, outer before inner, markup)
    events: list[tuple[int, int, int, str]] = []
    for i, (s, e, k, tip) in enumerate(spans):
        events.append((s, 1, i, f'<mark class="{k}" title="{escape(tip)}">'))
        events.append((e, 0, -i, "</mark>"))
    events.sort(key=lambda x: x[:3])
    out: list[str] = []
    pos = 0
    for p, _, _, tag in events:
        if p > pos:
            out.append(escape(text[pos:p], quote=False))
            pos = p
        out.append(tag)
    out.append(escape(text[pos:], quote=False))
    return "".join(out)


def _table(headers: list[str], rows: list[list[Any]], numeric: frozenset[str] = frozenset()) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for r in rows:
        cells = "".join(
            f'<td class="n">{escape(_fmt(v))}</td>' if h in numeric else f"<td>{escape(_fmt(v))}</td>"
            for h, v in zip(headers, r, strict=True))
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _fmt(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:,.6g}" if abs(v) < 1e15 else f"{v:.6g}"
    if isinstance(v, int) and not isinstance(v, bool):
        return f"{v:,}" if v >= 10000 else str(v)
    return str(v)


def render(doc: Document, *, title: str | None = None) -> str:
    """The whole page for ``doc`` (``doc.text`` must be the text it was extracted from)."""
    d = doc.to_dict()
    title = title or doc.id or "cnpolicy-extract"
    meta = "，".join(f"{k}: {'、'.join(v) if isinstance(v, list) else v}"
                    for k, v in d["meta"].items() if v not in (None, []))
    legend = "".join(f'<span class="{k}">{escape(lbl)} {len(d[k])}</span>' for k, (lbl, _) in KINDS.items())
    fig_cols = ["text", "value", "value_max", "unit", "dimension", "qualifier", "change",
                "modality", "metric", "period", "region", "start"]
    sections = [
        "<h2>数字 Figures</h2>",
        _table(fig_cols, [[f.get(c) for c in fig_cols] for f in d["figures"]],
               numeric=frozenset({"value", "value_max", "start"})) if d["figures"] else "<p>—</p>",
    ]
    others: dict[str, list[str]] = {
        "codes": ["text", "code", "kind", "meaning"],
        "organizations": ["text", "name", "type"],
        "places": ["text", "name", "level", "parent", "code"],
        "times": ["text", "value", "relative"],
    }
    if d["people"]:
        sections.append("<h2>人物 People</h2>")
        sections.append(_table(
            ["name", "role", "mentions", "positions"],
            [[p["name"], p["role"], len(p["mentions"]),
              "；".join(f"{q['organization'] or ''}{q['title']}" for q in p["positions"])]
             for p in d["people"]]))
    for kind, cols in others.items():
        if d[kind]:
            sections.append(f"<h2>{escape(KINDS[kind][0])}</h2>")
            sections.append(_table(cols, [[x.get(c) for c in cols] for x in d[kind]]))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN"><head><meta charset="utf-8" />'
        '<meta name="viewport" content="width=device-width, initial-scale=1" />'
        f"<title>{escape(title)}</title><style>{_style()}</style></head><body>"
        f"<h1>{escape(title)}</h1>"
        + (f'<p class="meta">{escape(meta)}</p>' if meta else "")
        + f'<p class="legend">{legend}</p>'
        + f'<div class="text">{highlighted(doc)}</div>'
        + "".join(sections)
        + "</body></html>\n"
    )
