// orgraph's Cypher editor (a Streamlit components-v2 element, inline, no network): a textarea over a highlighted
// copy of its text, completion of keywords, functions, labels, relationship types and properties from the schema
// Python passes in `data.vocab`, Ctrl+Enter to run. Every text shown is set with textContent or escaped first.

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s) => s.replace(/[&<>"']/g, (c) => ESC[c]);
const TOKEN = /(\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|('(?:[^'\\\n]|\\.)*'?|"(?:[^"\\\n]|\\.)*"?)|(`[^`]*`?)|(\$\w+)|(\b\d+(?:\.\d+)?\b)|([A-Za-z_\u00C0-\uFFFF][\w\u00C0-\uFFFF]*)|(\s+)|([\s\S])/g;
const WORD = /^[A-Za-z_][\w]*$/;

// Tokens with a class for each: keyword, function, label, type, property, string, number, param, comment.
function classify(text, keywords, functions) {
  const out = [];
  const stack = [];
  let prev = '';
  let m;
  TOKEN.lastIndex = 0;
  while ((m = TOKEN.exec(text)) !== null) {
    const t = m[0];
    let cls = '';
    if (m[1]) cls = 'cm';
    else if (m[2]) cls = 'st';
    else if (m[3] || m[6]) {
      const rest = text.slice(TOKEN.lastIndex).match(/^\s*(\S)/);
      const next = rest ? rest[1] : '';
      if (prev === ':' && stack[stack.length - 1] === '[') cls = 'ty';
      else if (prev === ':' || (prev === '|' && stack[stack.length - 1] === '(')) cls = 'lb';
      else if (prev === '|' && stack[stack.length - 1] === '[') cls = 'ty';
      else if (prev === '.' || (next === ':' && stack[stack.length - 1] === '{')) cls = 'pr';
      else if (m[6] && keywords.has(t.toUpperCase()) && !(next === '(' && functions.has(t.toLowerCase()))) cls = 'kw';
      else if (m[6] && next === '(') cls = 'fn';
    } else if (m[4]) cls = 'pa';
    else if (m[5]) cls = 'nu';
    else if (m[8]) {
      if ('([{'.includes(t)) stack.push(t);
      else if (')]}'.includes(t)) stack.pop();
    }
    if (!m[7] && !m[1]) prev = t;
    out.push([t, cls]);
  }
  return out;
}

function paint(state) {
  const parts = classify(state.input.value, state.keywords, state.functions).map(([t, cls]) =>
    cls ? `<span class="cy-${cls}">${esc(t)}</span>` : esc(t));
  state.view.innerHTML = parts.join('') + '\n';  // the last line keeps its height
  state.view.style.minHeight = `${state.minHeight}px`;
}

// What may complete at the caret: after `:` a label (or a type inside [ ]), after `.` a property, else words.
function candidates(state) {
  const before = state.input.value.slice(0, state.input.selectionStart);
  const m = before.match(/([\w\u00C0-\uFFFF]*)$/);
  const prefix = m[1];
  const lead = before.slice(0, before.length - prefix.length);
  const mark = lead.slice(-1);
  const tokens = classify(lead, state.keywords, state.functions);
  const depth = [];
  for (const [t] of tokens) {
    if ('([{'.includes(t) && t.length === 1) depth.push(t);
    else if (')]}'.includes(t) && t.length === 1) depth.pop();
  }
  const inside = depth[depth.length - 1];
  const v = state.vocab;
  let pool;
  if (mark === ':' || mark === '|') pool = inside === '[' ? v.types : v.labels;
  else if (mark === '.') pool = v.properties;
  else if (prefix.length >= 1 && !/[\d'"`$]$/.test(lead)) pool = [...v.keywords, ...v.functions, ...v.properties];
  else pool = [];
  const low = prefix.toLowerCase();
  const starts = pool.filter((c) => c.value.toLowerCase().startsWith(low) && c.value !== prefix);
  const has = pool.filter((c) => !c.value.toLowerCase().startsWith(low) && c.value.toLowerCase().includes(low));
  return { prefix, items: [...starts, ...has].slice(0, 12) };
}

function caretBox(state) {
  const probe = state.probe;
  probe.textContent = state.input.value.slice(0, state.input.selectionStart);
  const mark = document.createElement('span');
  mark.textContent = '\u200b';
  probe.appendChild(mark);
  return { top: mark.offsetTop + mark.offsetHeight, left: mark.offsetLeft };
}

function closeList(state) {
  state.list.hidden = true;
  state.items = [];
}

function openList(state, forced) {
  const { prefix, items } = candidates(state);
  if (!items.length || (!forced && !prefix && !/[:.|]$/.test(state.input.value.slice(0, state.input.selectionStart)))) {
    closeList(state);
    return;
  }
  state.items = items;
  state.prefix = prefix;
  state.active = 0;
  state.list.replaceChildren(...items.map((c, i) => {
    const li = document.createElement('li');
    li.setAttribute('role', 'option');
    li.dataset.index = String(i);
    const name = document.createElement('span');
    name.className = `cy-${c.kind}`;
    name.textContent = c.value;
    const meta = document.createElement('small');
    meta.textContent = state.kinds[c.kind] + (c.meta ? ` · ${c.meta}` : '');
    li.append(name, meta);
    return li;
  }));
  const box = caretBox(state);
  state.list.style.top = `${box.top + 4}px`;
  state.list.style.left = `${Math.min(box.left, state.root.clientWidth - 320)}px`;
  state.list.hidden = false;
  markActive(state);
}

function markActive(state) {
  [...state.list.children].forEach((li, i) => li.classList.toggle('active', i === state.active));
  const li = state.list.children[state.active];
  if (li) li.scrollIntoView({ block: 'nearest' });
}

function accept(state, index) {
  const c = state.items[index];
  if (!c) return;
  const input = state.input;
  const start = input.selectionStart - state.prefix.length;
  const word = c.kind === 'label' || c.kind === 'type' || c.kind === 'property'
    ? (WORD.test(c.value) ? c.value : `\`${c.value}\``) : c.value;
  input.setRangeText(word, start, input.selectionStart, 'end');
  closeList(state);
  paint(state);
}

function onKey(state, event, send) {
  if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
    event.preventDefault();
    closeList(state);
    send('run');
    return;
  }
  if ((event.ctrlKey || event.altKey) && event.key === ' ') {
    event.preventDefault();
    openList(state, true);
    return;
  }
  if (state.list.hidden) return;
  const n = state.items.length;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    state.active = (state.active + (event.key === 'ArrowDown' ? 1 : n - 1)) % n;
    markActive(state);
  } else if (event.key === 'Enter' || event.key === 'Tab') {
    event.preventDefault();
    accept(state, state.active);
  } else if (event.key === 'Escape') {
    event.preventDefault();
    closeList(state);
  }
}

function build(parentElement) {
  const root = document.createElement('div');
  root.className = 'cy-root';
  root.innerHTML = '<div class="cy-box"><pre class="cy-view" aria-hidden="true"></pre>'
    + '<pre class="cy-probe" aria-hidden="true"></pre>'
    + '<textarea class="cy-input" spellcheck="false" autocapitalize="off" autocomplete="off"></textarea>'
    + '<ul class="cy-list" role="listbox" hidden></ul></div><div class="cy-hint"></div>';
  parentElement.appendChild(root);
  return root;
}

export default function (component) {
  const { data, setStateValue, setTriggerValue, parentElement } = component;
  let root = parentElement.querySelector('.cy-root');
  const fresh = !root;
  if (fresh) root = build(parentElement);
  const state = root.cyState || (root.cyState = {
    root,
    input: root.querySelector('.cy-input'),
    view: root.querySelector('.cy-view'),
    probe: root.querySelector('.cy-probe'),
    list: root.querySelector('.cy-list'),
    items: [],
    rev: null,
    sent: null,
  });
  state.vocab = data.vocab;
  state.kinds = data.kinds;
  state.keywords = new Set(data.vocab.keywords.map((c) => c.value.toUpperCase()));
  state.functions = new Set(data.vocab.functions.map((c) => c.value.toLowerCase()));
  state.minHeight = data.min_height || 160;
  state.input.setAttribute('aria-label', data.label);
  state.input.placeholder = data.placeholder || '';
  root.querySelector('.cy-hint').textContent = data.hint || '';
  if (state.rev !== data.rev) {
    state.rev = data.rev;
    state.input.value = data.text || '';
    state.sent = state.input.value;
  }
  const send = (what) => {
    const text = state.input.value;
    if (what === 'run') {
      state.sent = text;
      setTriggerValue('run', text);
    } else if (text !== state.sent) {
      state.sent = text;
      setStateValue('text', text);
    }
  };
  state.input.oninput = () => { paint(state); openList(state, false); };
  state.input.onkeydown = (event) => onKey(state, event, send);
  state.input.onblur = () => { closeList(state); send('text'); };
  state.input.onclick = () => closeList(state);
  state.list.onmousedown = (event) => {
    event.preventDefault();  // keep the focus (and the caret) in the textarea
    const li = event.target.closest('li');
    if (li) accept(state, Number(li.dataset.index));
  };
  paint(state);
}
