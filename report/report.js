// Renders a stosim report page: the JSON that `stosim report` embedded in <script id="stosim-data">
// holds the sections, each with charts (Vega-Lite specs and the names of the datasets they draw),
// tables (rows already formatted) and text. When every chart is drawn, the page marks <body> with
// data-rendered="true", data-charts (their number) and data-empty-charts (the ids of charts that
// drew no data marks), which the headless-browser test reads.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('stosim-data').textContent);
  const main = document.getElementById('report');

  function element(tag, attributes, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attributes || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function paragraph(parent, text, cls) {
    if (text) parent.appendChild(element('p', cls ? { class: cls } : {}, text));
  }

  function table(item) {
    const figure = element('figure', { class: 'table', id: item.id });
    if (item.title) figure.appendChild(element('figcaption', {}, item.title));
    const t = element('table');
    const head = element('tr');
    item.columns.forEach((c, i) => head.appendChild(element('th', item.numeric && item.numeric[i] ? { class: 'num' } : {}, c)));
    t.appendChild(element('thead')).appendChild(head);
    const body = t.appendChild(element('tbody'));
    for (const row of item.rows) {
      const tr = body.appendChild(element('tr'));
      row.forEach((cell, i) => tr.appendChild(element('td', item.numeric && item.numeric[i] ? { class: 'num' } : {}, cell)));
    }
    figure.appendChild(t);
    paragraph(figure, item.note, 'note');
    return figure;
  }

  function preformatted(item) {
    const details = element('details', { id: item.id });
    details.appendChild(element('summary', {}, item.title));
    details.appendChild(element('pre', {}, item.text));
    return details;
  }

  // Items drawn from data: every mark of role "mark" that is not named decor_* (grids, outlines,
  // corner labels), so that a chart whose data is empty counts zero even when its frame is drawn.
  function dataMarks(node, inDecor) {
    let count = 0;
    if (!node) return 0;
    if (node.marktype) {
      const decor = inDecor || (node.name || '').startsWith('decor');
      if (node.marktype !== 'group') return node.role === 'mark' && !decor ? node.items.length : 0;
      for (const item of node.items) count += dataMarks(item, decor);
      return count;
    }
    for (const child of node.items || []) count += dataMarks(child, inDecor);
    return count;
  }

  const charts = [];
  function chart(item) {
    const figure = element('figure', { class: item.wide ? 'chart wide' : 'chart', id: item.id });
    if (item.title) figure.appendChild(element('figcaption', {}, item.title));
    const target = figure.appendChild(element('div', { class: 'vega' }));
    paragraph(figure, item.note, 'note');
    charts.push({ item, figure, target });
    return figure;
  }

  const nav = document.getElementById('nav');
  for (const section of data.sections) {
    nav.appendChild(element('a', { href: '#' + section.id }, section.title));
    const s = main.appendChild(element('section', { id: section.id }));
    s.appendChild(element('h2', {}, section.title));
    paragraph(s, section.intro);
    const grid = s.appendChild(element('div', { class: section.wide ? 'grid wide' : 'grid' }));
    for (const item of section.items) {
      if (item.kind === 'chart') grid.appendChild(chart(item));
      else if (item.kind === 'table') grid.appendChild(table(item));
      else if (item.kind === 'text') grid.appendChild(preformatted(item));
    }
  }

  const options = { actions: false, renderer: 'svg', tooltip: { theme: 'light' } };
  Promise.all(charts.map(async ({ item, figure, target }) => {
    const spec = Object.assign({}, item.spec, { datasets: {} });
    for (const name of item.datasets) spec.datasets[name] = data.datasets[name];
    try {
      const result = await vegaEmbed(target, spec, options);
      await result.view.runAsync();
      const marks = dataMarks(result.view.scenegraph().root, false);
      figure.dataset.marks = String(marks);
      return marks > 0 ? null : item.id;
    } catch (error) {
      console.error(`chart ${item.id}: ${error.message}`);
      figure.dataset.marks = '0';
      return item.id;
    }
  })).then((empty) => {
    document.body.dataset.charts = String(charts.length);
    document.body.dataset.emptyCharts = empty.filter((id) => id).join(' ');
    document.body.dataset.rendered = 'true';
  });
})();
