#pragma once
// The HTML report's one stylesheet and one script, inlined into the page:
// the page needs no network, and its Content-Security-Policy allows exactly
// these two by their hashes. The script reads the page and never receives
// document text, so nothing a document holds can reach it as code.

#include <string_view>

namespace snipcheck {

inline constexpr std::string_view k_report_css = R"css(
:root { --snipcheck-css: loaded; --pass: #1a7f37; --fail: #cf222e; --error: #8250df; --timeout: #bc4c00;
  --skip: #6e7781; --line: #d0d7de; --soft: #f6f8fa; --text: #1f2328; --muted: #59636e; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--text); background: #fff; }
header { padding: 20px 28px 16px; border-bottom: 1px solid var(--line); background: var(--soft); }
h1 { margin: 0 0 4px; font-size: 22px; }
h1 .verdict-fail { color: var(--fail); } h1 .verdict-pass { color: var(--pass); }
.meta { margin: 0 0 12px; color: var(--muted); }
.totals { display: flex; flex-wrap: wrap; align-items: center; gap: 12px 28px; }
.totals svg { width: 100%; max-width: 640px; height: 32px; border-radius: 4px; background: var(--line); }
.counts { display: flex; gap: 18px; margin: 0; padding: 0; list-style: none; font-size: 16px; }
.counts .count { font-weight: 700; font-size: 22px; font-variant-numeric: tabular-nums; }
.dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 5px; }
.fill-pass { fill: var(--pass); } .fill-fail { fill: var(--fail); } .fill-error { fill: var(--error); }
.fill-timeout { fill: var(--timeout); } .fill-skip { fill: var(--skip); }
.bg-pass { background: var(--pass); } .bg-fail { background: var(--fail); } .bg-error { background: var(--error); }
.bg-timeout { background: var(--timeout); } .bg-skip { background: var(--skip); }
.bg-allowed { background: var(--muted); margin-left: 6px; }
nav { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center;
  padding: 8px 28px; background: #fff; border-bottom: 1px solid var(--line); }
nav label { cursor: pointer; white-space: nowrap; }
nav input[type=search] { min-width: 240px; padding: 3px 6px; font: inherit; }
nav button { font: inherit; padding: 2px 10px; }
#shown { color: var(--muted); }
main { padding: 8px 28px 40px; }
.problems { margin: 12px 0; padding: 8px 14px; border: 1px solid var(--fail); border-radius: 6px; background: #fff5f5; }
.problems li { font-family: ui-monospace, monospace; font-size: 13px; }
.attention h2 { margin: 16px 0 6px; font-size: 17px; }
.attention ul { margin: 0; padding-left: 4px; list-style: none; font-size: 14px; }
.attention li { margin: 3px 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.attention a { font-family: ui-monospace, monospace; font-size: 13px; }
.document > h2 { margin: 24px 0 8px; font-size: 17px; font-family: ui-monospace, monospace; word-break: break-all; }
.document > h2 .doc-counts { font-family: system-ui, sans-serif; font-weight: 400; color: var(--muted); font-size: 14px; }
.snippet { margin: 6px 0; border: 1px solid var(--line); border-left-width: 5px; border-radius: 6px;
  content-visibility: auto; contain-intrinsic-size: auto 42px; }
.snippet[open] { contain-intrinsic-size: auto 400px; }
.snippet.status-pass { border-left-color: var(--pass); } .snippet.status-fail { border-left-color: var(--fail); }
.snippet.status-error { border-left-color: var(--error); } .snippet.status-timeout { border-left-color: var(--timeout); }
.snippet.status-skip { border-left-color: var(--skip); }
.snippet > summary { padding: 6px 10px; cursor: pointer; display: flex; gap: 10px; align-items: baseline; }
.snippet > summary .msg { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--muted); }
.badge { display: inline-block; min-width: 58px; padding: 0 6px; border-radius: 10px; color: #fff; font-size: 13px;
  font-weight: 600; text-align: center; }
.lines, .lang { font-family: ui-monospace, monospace; font-size: 13px; white-space: nowrap; }
.body { padding: 4px 14px 12px; border-top: 1px solid var(--line); }
.body h3 { margin: 12px 0 4px; font-size: 14px; }
.where { color: var(--muted); margin: 6px 0; font-size: 13px; }
.message { margin: 6px 0; white-space: pre-wrap; }
pre { margin: 4px 0; padding: 8px 10px; overflow-x: auto; background: var(--soft); border-radius: 4px;
  font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; }
pre.code { padding: 6px 0; }
pre.code .row { display: block; padding-right: 10px; }
pre.code .row.bad { background: #ffebe9; } pre.code .row.note { background: #fff8c5; }
.ln { display: inline-block; min-width: 3.5em; padding: 0 10px 0 6px; margin-right: 8px; text-align: right;
  color: var(--muted); border-right: 1px solid var(--line); user-select: none; }
table.expectations { border-collapse: collapse; width: 100%; font-size: 13px; }
table.expectations th, table.expectations td { border: 1px solid var(--line); padding: 3px 6px; vertical-align: top; text-align: left; }
table.expectations td pre { margin: 0; padding: 2px 4px; }
.ok { color: var(--pass); font-weight: 600; } .not-ok { color: var(--fail); font-weight: 600; }
.diff .del { display: block; background: #ffebe9; } .diff .add { display: block; background: #dafbe1; }
ul.findings, ul.plain { margin: 4px 0; padding-left: 20px; font-size: 13px; }
.sev-error { color: var(--fail); } .sev-warning { color: var(--timeout); } .sev-note { color: var(--muted); }
details.output > summary { cursor: pointer; font-size: 13px; color: var(--muted); }
footer { padding: 12px 28px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); }
[hidden] { display: none !important; }
)css";

inline constexpr std::string_view k_report_script = R"js(
(function () {
  'use strict';
  var statuses = ['pass', 'fail', 'error', 'timeout', 'skip'];
  var snippets = Array.prototype.slice.call(document.querySelectorAll('details.snippet'));
  var documents = Array.prototype.slice.call(document.querySelectorAll('section.document'));
  var counts = {};
  statuses.forEach(function (status) { counts[status] = 0; });
  snippets.forEach(function (snippet) { counts[snippet.getAttribute('data-status')] += 1; });
  statuses.forEach(function (status) {
    document.querySelectorAll('[data-count-of="' + status + '"]').forEach(function (element) {
      element.textContent = String(counts[status]);
    });
  });
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-filter]'));
  var search = document.getElementById('search');
  var shown = document.getElementById('shown');
  var texts = null;
  function apply() {
    var wanted = {};
    boxes.forEach(function (box) { wanted[box.getAttribute('data-filter')] = box.checked; });
    var needle = search.value.trim().toLowerCase();
    if (needle !== '' && texts === null) {
      texts = snippets.map(function (snippet) { return snippet.textContent.toLowerCase(); });
    }
    var visible = 0;
    snippets.forEach(function (snippet, i) {
      var show = wanted[snippet.getAttribute('data-status')] && (needle === '' || texts[i].indexOf(needle) >= 0);
      snippet.hidden = !show;
      visible += show ? 1 : 0;
    });
    documents.forEach(function (section) {
      section.hidden = section.querySelector('details.snippet:not([hidden])') === null;
    });
    shown.textContent = 'showing ' + visible + ' of ' + snippets.length + ' snippets';
  }
  var timer = null;
  boxes.forEach(function (box) { box.addEventListener('change', apply); });
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(apply, 150);
  });
  function openAll(open) {
    snippets.forEach(function (snippet) { if (!snippet.hidden) { snippet.open = open; } });
  }
  document.getElementById('expand').addEventListener('click', function () { openAll(true); });
  document.getElementById('collapse').addEventListener('click', function () { openAll(false); });
  // A link to a replayed snippet opens it.
  window.addEventListener('hashchange', function () {
    var target = document.getElementById(location.hash.slice(1));
    if (target && target.tagName === 'DETAILS') { target.open = true; }
  });
  apply();
  document.getElementById('filters').hidden = false;
  var css = getComputedStyle(document.documentElement).getPropertyValue('--snipcheck-css').trim();
  document.body.setAttribute('data-css', css === 'loaded' ? 'loaded' : 'missing');
  document.body.setAttribute('data-script', 'ran');
})();
)js";

}  // namespace snipcheck
