#include "decision_pack_style.h"
#include "colour_text.h"

#include "editor/geometry/palette.h"

#include <cstdio>

namespace strawman::exporters {

namespace {

namespace palette = editor::palette;

std::string build() {
    const std::string text = colourText(palette::text), muted = colourText(palette::textMuted),
                      rule = colourText(palette::laneBorder), band = colourText(palette::laneFill),
                      head = colourText(palette::activityCode);
    std::string s;
    // Paper: A4 portrait with margins a printer keeps; the map is a drawing
    // wider than tall, so its page turns to landscape.
    s += "@page{size:A4 portrait;margin:15mm 14mm}";
    s += "@page map{size:A4 landscape;margin:12mm}";
    s += "html{color:" + text +
         ";background:#fff;font:10.5pt/1.45 \"DejaVu Sans\",\"Helvetica Neue\",Arial,"
         "sans-serif}";
    s += "body{max-width:1100px;margin:0 auto;padding:24px 28px}";
    s += "h1{font-size:19pt;line-height:1.2;margin:2px 0 8px}";
    s += "h2{font-size:13pt;margin:22px 0 8px;padding-bottom:3px;border-bottom:1px solid " + rule +
         ";break-after:avoid}";
    s += "p{margin:6px 0;max-width:48em}";
    s += "h3{font-size:11pt;margin:16px 0 6px;break-after:avoid}";
    s += ".kicker{color:" + muted +
         ";font-size:9pt;letter-spacing:.06em;text-transform:uppercase;"
         "margin:0}";
    s += ".muted{color:" + muted + "}";
    s += ".hash{font-family:\"DejaVu Sans Mono\",Menlo,Consolas,monospace;font-size:9pt;"
         "overflow-wrap:anywhere}";
    s += ".statement{border-left:4px solid " + head + ";background:" + band +
         ";padding:8px 12px;margin:8px 0;max-width:none;break-inside:avoid}";
    // Pills: a word on a colour, the editor's badges' colours.
    s += ".pill{display:inline-block;padding:1px 9px;border-radius:10px;border:1px solid;"
         "font-weight:bold;font-size:9pt;white-space:nowrap}";
    const auto pill = [&](const char* name, palette::Rgba fill, palette::Rgba border,
                          palette::Rgba ink) {
        s += std::string(".pill.") + name + "{background:" + colourText(fill) +
             ";border-color:" + colourText(border) + ";color:" + colourText(ink) + "}";
    };
    pill("good", palette::badgeAgreedFill, palette::badgeAgreedBorder, palette::badgeAgreedText);
    pill("bad", palette::badgeExtraFill, palette::badgeExtraBorder, palette::badgeExtraText);
    pill("open", palette::badgeMovedFill, palette::badgeMovedBorder, palette::badgeMovedText);
    pill("stale", palette::badgeSkippedFill, palette::badgeSkippedBorder,
         palette::badgeSkippedText);
    s += ".state{font-size:12pt;padding:3px 14px;border-radius:14px}";
    // Tables: a coloured head, repeated on every printed page; rows kept whole.
    s += "table{border-collapse:collapse;width:100%;margin:6px 0 10px}";
    s += "thead{display:table-header-group}";
    s += "th{background:" + head +
         ";color:#fff;text-align:left;font-weight:bold;padding:5px 7px;vertical-align:bottom}";
    s += "td{padding:5px 7px;border-bottom:1px solid " + rule + ";vertical-align:top}";
    s += "tr{break-inside:avoid;page-break-inside:avoid}";
    s += "table.facts th{background:none;color:" + muted +
         ";font-weight:normal;width:11em;vertical-align:top;padding-left:0}";
    s += "table.facts td{border:none}";
    s += "tr.stale td{background:" + band + ";color:" + muted + "}";
    s += "td.reason{width:45%}td p{margin:0 0 4px}";
    s += "td.member,td.when{white-space:nowrap}";
    s += ".sub{font-size:8.5pt;color:" + muted + "}";
    s += "th.trend{width:250px}";
    s += "th.c-member{width:17%}th.c-trust{width:23%}th.c-vote{width:12%}th.c-when{width:12%}"
         "th.c-map{width:20%}";
    s += "td.num,th.num{text-align:right}td.num{white-space:nowrap}";
    s += "svg.trend{width:240px;height:auto;display:block}";
    // The map: scaled to the width it has, never wider.
    s += "figure.map{margin:8px 0;border:1px solid " + rule + "}";
    s += "figure.map svg{display:block;width:100%;max-width:100%;height:auto}";
    s += "footer{margin-top:26px;break-inside:avoid}";
    // Colours print as they show: the pills and table heads carry meaning.
    s += "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}";
    s += "@media print{html{font-size:9.5pt}body{max-width:none;padding:0}"
         "section.adopted-map{page:map}"
         "figure.map svg{max-height:160mm}"
         "h2,h3{break-after:avoid}"
         "table,figure,.statement{break-inside:auto}"
         "tr,svg.trend{break-inside:avoid}"
         "th.trend{width:185px}svg.trend{width:180px}}";
    return s;
}

} // namespace

const std::string& decisionPackStyle() {
    static const std::string style = build();
    return style;
}

} // namespace strawman::exporters
