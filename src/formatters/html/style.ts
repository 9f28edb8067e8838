/** The html report's style sheet (inline: the page loads nothing). */
export const STYLE = `
:root{--err:#c62828;--err-bg:#fdecea;--warn:#a15c00;--warn-bg:#fff3dc;--info:#1565c0;--info-bg:#e7f0fb;--line:#c9d1dc;--head:#f3f5f8;--ink:#1f2933;--muted:#6b7785;}
*{box-sizing:border-box}
body{margin:0;font:14px/1.6 -apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;color:var(--ink);background:#f6f7f9}
header.top{background:#243447;color:#fff;padding:18px 28px}
header.top h1{margin:0;font-size:20px;font-weight:600}
header.top .meta{margin:4px 0 0;color:#c5d0dc;font-size:13px}
main,.summary{max-width:1400px;margin:0 auto;padding:0 28px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:20px 0}
.card{background:#fff;border:1px solid #e1e6ec;border-radius:8px;padding:10px 16px;min-width:104px}
.card .value{font-size:24px;font-weight:600}
.card .label{color:var(--muted);font-size:12px}
.card.sev-error .value,.card.bad .value{color:var(--err)}.card.sev-warning .value{color:var(--warn)}.card.sev-info .value{color:var(--info)}
.breakdown{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px}
.panel{background:#fff;border:1px solid #e1e6ec;border-radius:8px;padding:12px 16px;margin-bottom:16px}
.panel h2{font-size:15px;margin:0 0 8px}
table.list{border-collapse:collapse;width:100%}
table.list th,table.list td{text-align:left;padding:4px 8px;border-bottom:1px solid #edf0f3;vertical-align:top}
table.list th{color:var(--muted);font-weight:500;font-size:12px}
.num{text-align:right!important;font-variant-numeric:tabular-nums}
.desc{color:var(--muted);font-size:12px}
td.sev-error{color:var(--err)}td.sev-warning{color:var(--warn)}td.sev-info{color:var(--info)}
a{color:#1b5fae;text-decoration:none}a:hover{text-decoration:underline}
.badge{display:inline-block;font-size:12px;padding:0 8px;border-radius:10px;background:#e3f4e6;color:#23733a;margin-left:8px;font-weight:500;vertical-align:middle}
.badge.status-failed{background:var(--err-bg);color:var(--err)}.badge.status-skipped{background:#eceff3;color:var(--muted)}
nav.filters{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;align-items:center;gap:14px;background:#fff;border-bottom:1px solid #dde3ea;padding:10px 28px;box-shadow:0 1px 4px rgba(0,0,0,.04)}
.filter-label{color:var(--muted);font-size:12px;margin-right:4px}
.sev-toggle{padding:1px 10px;border-radius:12px;cursor:pointer}
.sev-toggle.sev-error{background:var(--err-bg);color:var(--err)}.sev-toggle.sev-warning{background:var(--warn-bg);color:var(--warn)}.sev-toggle.sev-info{background:var(--info-bg);color:var(--info)}
select{font:inherit;padding:2px 6px;max-width:320px}
#shown-count{margin-left:auto;color:var(--muted);font-size:13px}
section.file{margin:24px 0;background:#fff;border:1px solid #e1e6ec;border-radius:8px;padding:4px 20px 16px}
section.file h2{font-size:16px;margin:12px 0;word-break:break-all}
section.file h2 .format{color:var(--muted);font-weight:400;font-size:12px;margin-left:8px}
.fatal{background:var(--err-bg);color:var(--err);border-left:4px solid var(--err);padding:8px 12px;border-radius:4px;margin:8px 0}
details.project,div.doc-level{border-top:1px solid #edf0f3;padding:6px 0}
details.project>summary{cursor:pointer;display:flex;align-items:center;gap:12px;list-style:none;padding:4px 0}
details.project>summary::-webkit-details-marker{display:none}
details.project>summary::before{content:"▸";color:var(--muted)}details.project[open]>summary::before{content:"▾"}
details.project h3,div.doc-level h3{font-size:15px;margin:0;font-weight:600}
div.doc-level h3{margin:4px 0 8px}
.p-word{color:var(--muted);font-weight:400}.p-code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:13px;background:#eef2f6;border-radius:4px;padding:0 6px}
.counts{display:flex;gap:6px}
.count{font-size:12px;padding:0 8px;border-radius:10px}
.count.sev-error{background:var(--err-bg);color:var(--err)}.count.sev-warning{background:var(--warn-bg);color:var(--warn)}.count.sev-info{background:var(--info-bg);color:var(--info)}
.ok{color:#23733a}.note{color:var(--muted)}
.project-body{display:grid;grid-template-columns:minmax(0,3fr) minmax(300px,2fr);gap:20px;align-items:start;margin-top:8px}
@media (max-width:1000px){.project-body{grid-template-columns:1fr}}
.sheet{overflow:auto;padding:6px}
@media (min-width:1001px){.project-body>.sheet{position:sticky;top:56px;max-height:calc(100vh - 64px)}}
.table-marks{margin-bottom:4px}
table.jx{border-collapse:collapse;width:100%;font-size:13px;background:#fff}
table.jx th,table.jx td{border:1px solid var(--line);padding:4px 6px;vertical-align:middle;position:relative}
table.jx th{background:var(--head);font-weight:500;white-space:nowrap}
table.jx th.title{background:#fff;font-size:15px;font-weight:600;text-align:center;border:none;padding:6px 0 8px}
table.jx td.agency{border-left:none;border-top:none}table.jx td.unit{text-align:right;border-right:none;border-top:none;color:var(--muted)}
table.jx tr.ind-head th{text-align:center}
table.jx td.level1{background:#fafbfc;font-weight:500}
table.jx td.value{white-space:nowrap;font-variant-numeric:tabular-nums}
table.jx .blank{color:#a3adb8;font-size:12px}
table.inner{border-collapse:collapse;width:100%}table.inner th,table.inner td{border:1px solid #e3e8ee;text-align:center;padding:2px 6px}
table.jx.table-hl-error{outline:3px solid var(--err);outline-offset:2px}table.jx.table-hl-warning{outline:3px solid #e0a030;outline-offset:2px}table.jx.table-hl-info{outline:3px solid #6fa3dd;outline-offset:2px}
.hl-error{background:var(--err-bg)!important;box-shadow:inset 0 0 0 2px var(--err)}
.hl-warning{background:var(--warn-bg)!important;box-shadow:inset 0 0 0 2px #e0a030}
.hl-info{background:var(--info-bg)!important;box-shadow:inset 0 0 0 2px #6fa3dd}
tr.row-hl>td{background:inherit}
tr.row-hl.hl-error>td:not([rowspan]){background:var(--err-bg)}tr.row-hl.hl-warning>td:not([rowspan]){background:var(--warn-bg)}tr.row-hl.hl-info>td:not([rowspan]){background:var(--info-bg)}
tr.row-hl{box-shadow:none!important;background:none!important}
.focus{outline:3px solid #243447!important;outline-offset:-1px}
.marks{display:inline-flex;gap:2px;margin-left:4px;vertical-align:super}
.mark,.fnum{display:inline-block;min-width:18px;height:18px;line-height:18px;border-radius:9px;font-size:11px;font-weight:600;text-align:center;color:#fff;padding:0 4px;text-decoration:none!important}
.mark.sev-error,.fnum.sev-error{background:var(--err)}.mark.sev-warning,.fnum.sev-warning{background:#d08a1a}.mark.sev-info,.fnum.sev-info{background:var(--info)}
ol.findings{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}
li.finding{border:1px solid #e5e9ee;border-left:4px solid var(--line);border-radius:6px;padding:6px 10px;background:#fff}
li.finding.sev-error{border-left-color:var(--err)}li.finding.sev-warning{border-left-color:#e0a030}li.finding.sev-info{border-left-color:#6fa3dd}
li.finding:target,li.finding.focus{box-shadow:0 0 0 2px #243447}
.finding-head{display:flex;align-items:center;gap:8px;font-size:12px}
.sev-word.sev-error{color:var(--err);font-weight:600}.sev-word.sev-warning{color:var(--warn);font-weight:600}.sev-word.sev-info{color:var(--info);font-weight:600}
.loc{color:var(--muted)}
.msg{margin:2px 0 4px}
dl.details{display:grid;grid-template-columns:auto 1fr;gap:0 8px;margin:0 0 4px;font-size:12px}
dl.details dt{color:var(--muted)}dl.details dd{margin:0}
code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;background:#f1f3f6;border-radius:3px;padding:0 4px}
.rule{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:12px}
[hidden]{display:none!important}
@media print{nav.filters{display:none}details.project{page-break-inside:avoid}.project-body>.sheet{position:static;max-height:none}}
`;
