//! The page's one stylesheet, inline. Colours are variables so one set of rules serves light
//! screens, dark screens (prefers-color-scheme) and paper (always light, no backgrounds). The
//! series colours are the Okabe-Ito palette, which stays apart for colour-blind readers; dark
//! mode uses lighter tints of the same hues. The SVG elements also carry the light colours as
//! attributes, so a mail client that drops the stylesheet still shows readable charts.

pub const CSS: &str = r#"
:root{color-scheme:light dark;--bg:#ffffff;--fg:#1c2128;--muted:#57606a;--rule:#d0d7de;
--card:#f4f6f8;--s0:#0072b2;--s1:#d55e00;--s2:#009e73;--s3:#cc79a7;--host:#1c2128;
--low:#0072b2;--high:#d55e00;--good:#1a7f37;--warn:#9a6700;--bad:#cf222e;--grid:#e3e7eb;
--t1:#0072b2;--t2:#009e73;--t3:#e69f00}
@media screen and (prefers-color-scheme:dark){:root{--bg:#0f1216;--fg:#e6e9ed;--muted:#9aa4af;
--rule:#3a424c;--card:#1a1f26;--s0:#56b4e9;--s1:#ff8c42;--s2:#3fd0a0;--s3:#e9a3cf;--host:#f2f4f6;
--low:#56b4e9;--high:#ff8c42;--good:#56d364;--warn:#e3b341;--bad:#ff7b72;--grid:#262d35;
--t1:#56b4e9;--t2:#3fd0a0;--t3:#f0c05a}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);
font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:60rem;margin:0 auto;padding:1.25rem 1rem 2rem}
h1{font-size:1.6rem;line-height:1.2;margin:0 0 .25rem}
h2{font-size:1.15rem;margin:1.75rem 0 .5rem;padding-top:.5rem;border-top:1px solid var(--rule)}
h3{font-size:1rem;margin:1.1rem 0 .4rem}
p{margin:.4rem 0}
.meta{color:var(--muted);margin:0 0 1rem}
.answer{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.75rem;margin:1rem 0}
.card{min-width:0;background:var(--card);border-radius:.5rem;padding:.75rem .9rem;border-left:4px solid var(--s0)}
.card.plan{border-left-color:var(--t2)}.card.now{border-left-color:var(--muted)}
.card .big{display:block;font-size:1.9rem;font-weight:700;line-height:1.15;margin:.15rem 0}
.card .big small{font-size:.55em;font-weight:600}
.card .what{color:var(--muted);font-size:.9rem}
.missing{background:var(--card);border-left:4px solid var(--warn);padding:.5rem .75rem;border-radius:.25rem}
figure{margin:.75rem 0;break-inside:avoid;page-break-inside:avoid}
figcaption{color:var(--muted);font-size:.85rem;margin-top:.25rem}
svg.chart{display:block;width:100%;height:auto;max-width:100%}
svg.chart text{font:13px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--fg)}
svg.chart .axis text,svg.chart text.muted{fill:var(--muted)}
svg.chart .grid line{stroke:var(--grid)}
svg.chart .frame{stroke:var(--rule);fill:none}
.s0{stroke:var(--s0);fill:var(--s0)}.s1{stroke:var(--s1);fill:var(--s1)}
.s2{stroke:var(--s2);fill:var(--s2)}.s3{stroke:var(--s3);fill:var(--s3)}
.host{stroke:var(--host);fill:var(--host)}
svg.chart text.f0{fill:var(--s0)}svg.chart text.f1{fill:var(--s1)}
svg.chart text.f2{fill:var(--s2)}svg.chart text.f3{fill:var(--s3)}
svg.chart path.line,svg.chart line.line{fill:none}
svg.chart .now{stroke:var(--muted)}
svg.chart circle.cross{stroke:var(--bg)}
svg .low{fill:var(--low)}svg .high{fill:var(--high)}
svg .t1{fill:var(--t1)}svg .t2{fill:var(--t2)}svg .t3{fill:var(--t3)}
svg.chart .base{stroke:var(--fg)}
.legend{list-style:none;padding:0;margin:.25rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1.1rem;font-size:.9rem}
.legend li{display:flex;align-items:center;gap:.35rem}
.legend svg{width:22px;height:10px;flex:none}
.table{overflow-x:auto;margin:.5rem 0}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{padding:.3rem .5rem;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
th{font-weight:600;color:var(--muted);white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
data{font-variant-numeric:tabular-nums}
.findings{padding-left:1.1rem}.findings li{margin:.3rem 0}
.sev{font-weight:700;font-size:.75rem;letter-spacing:.03em;padding:.05rem .35rem;border-radius:.2rem;border:1px solid currentColor}
.sev.block{color:var(--bad)}.sev.warn{color:var(--warn)}.sev.info{color:var(--muted)}
.src{color:var(--muted);font-size:.85rem}
.notes{white-space:pre-wrap;background:var(--card);padding:.6rem .8rem;border-radius:.35rem;overflow-wrap:anywhere}
dl.inputs{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}
dl.inputs dt{color:var(--muted)}dl.inputs dd{margin:0}
a{color:var(--s0)}
footer{margin-top:2rem;color:var(--muted);font-size:.8rem}
@media (max-width:36rem){body{font-size:14px}main{padding:.75rem .6rem 1.5rem}
h1{font-size:1.3rem}.card .big{font-size:1.5rem}dl.inputs{grid-template-columns:1fr}
dl.inputs dd{margin-bottom:.35rem}th,td{padding:.25rem .3rem}
figure{overflow-x:auto}svg.chart{min-width:600px}}
@media print{:root{--bg:#fff;--fg:#000;--muted:#444;--rule:#bbb;--card:#fff;--grid:#e5e5e5}
@page{margin:14mm 12mm}
body{font-size:10pt}main{max-width:none;padding:0}
h2{break-after:avoid;page-break-after:avoid}
.card,.notes,.missing{border:1px solid var(--rule)}
.answer{grid-template-columns:repeat(3,minmax(0,1fr))}
table,figure,.card,li{break-inside:avoid;page-break-inside:avoid}
a{color:inherit;text-decoration:none}
.table{overflow:visible}}
"#;
