/**
 * The report page's script (报告页面脚本): the severity checkboxes, the rule select and "only
 * projects with findings" hide findings, their numbered markers and the highlights of their cells;
 * hovering a finding outlines its cell, clicking it scrolls there.
 *
 * Type-checked with the rest of the code, never run here: scripts/gen-html-script.ts compiles this
 * function (TypeScript's transpiler, which keeps the source's quotes and tokens) into
 * script.generated.ts, whose text the page embeds; test/formatters-html-script.test.ts fails when that
 * file is stale. So the function must be self-contained: no imports and no names from outside its
 * own body. It keeps the ES5 shape (`var`, `function`) of the page it shipped in.
 */
export function reportScript(): void {
  'use strict';
  var rank: Record<string, number> = { error: 3, warning: 2, info: 1 };
  var findings = Array.prototype.slice.call(document.querySelectorAll('li.finding')) as HTMLElement[];
  var cells = Array.prototype.slice.call(document.querySelectorAll('[data-findings]')) as HTMLElement[];
  var marks = Array.prototype.slice.call(document.querySelectorAll('a.mark')) as HTMLElement[];
  var projects = Array.prototype.slice.call(document.querySelectorAll('[data-project]')) as HTMLElement[];
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name=severity]')) as HTMLInputElement[];
  var ruleSelect = document.getElementById('rule-filter') as HTMLSelectElement | null;
  var onlyMatching = document.getElementById('only-matching') as HTMLInputElement | null;
  var counter = document.getElementById('shown-count');
  function apply(): void {
    var sev: Record<string, boolean> = {};
    boxes.forEach(function (b) {
      sev[b.value] = b.checked;
    });
    var rule = ruleSelect ? ruleSelect.value : '*';
    var visible: Record<string, string> = {};
    var shown = 0;
    findings.forEach(function (li) {
      var ok = !!sev[li.dataset.sev!] && (rule === '*' || li.dataset.rule === rule);
      li.hidden = !ok;
      if (ok) {
        visible[li.id] = li.dataset.sev!;
        shown++;
      }
    });
    marks.forEach(function (a) {
      a.hidden = !visible[a.dataset.finding!];
    });
    cells.forEach(function (el) {
      var worst = '';
      el.dataset.findings!.split(' ').forEach(function (id) {
        var s = visible[id];
        if (s && (!worst || rank[s] > rank[worst])) worst = s;
      });
      el.classList.remove('hl-error', 'hl-warning', 'hl-info', 'hl');
      if (el.tagName === 'TABLE') {
        el.classList.remove('table-hl-error', 'table-hl-warning', 'table-hl-info');
        if (worst) el.classList.add('table-hl-' + worst);
      } else if (worst) {
        el.classList.add('hl', 'hl-' + worst);
      }
    });
    projects.forEach(function (p) {
      var any = p.querySelector('li.finding:not([hidden])');
      p.hidden = !!(onlyMatching && onlyMatching.checked && !any);
    });
    if (counter) {
      counter.textContent = counter.dataset.template!.replace('{shown}', String(shown));
    }
  }
  boxes.forEach(function (b) {
    b.addEventListener('change', apply);
  });
  if (ruleSelect) ruleSelect.addEventListener('change', apply);
  if (onlyMatching) onlyMatching.addEventListener('change', apply);
  findings.forEach(function (li) {
    var cell = li.dataset.cell ? document.getElementById(li.dataset.cell) : null;
    if (!cell) return;
    li.addEventListener('mouseenter', function () {
      cell!.classList.add('focus');
    });
    li.addEventListener('mouseleave', function () {
      cell!.classList.remove('focus');
    });
    li.addEventListener('click', function (e) {
      if ((e.target as HTMLElement).tagName === 'A') return;
      cell!.scrollIntoView({ block: 'center', behavior: 'smooth' });
    });
  });
  apply();
}
