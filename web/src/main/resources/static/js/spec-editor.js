// The infrastructure spec editor: CodeMirror over the plain <textarea> (which stays the form field, so the page
// works without this script). Lockstep's own validation marks errors and warnings in the gutter and lists them
// under the editor; completion proposes keys, types and versions from the same JSON Schema and image registry the
// server validates with. No inline code, no eval: it runs under the strict Content-Security-Policy.
(function () {
  'use strict';

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', 'Accept': 'application/json' };
    if (token && header) { headers[header.content] = token.content; }
    return headers;
  }

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .catch(function () { return null; });
  }

  // ----- the schema, as the server has it -----

  function resolve(schema, root) {
    var seen = 0;
    while (schema && schema.$ref && schema.$ref.charAt(0) === '#' && seen++ < 10) {
      var target = root;
      schema.$ref.substring(2).split('/').forEach(function (part) {
        target = target ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : null;
      });
      schema = target;
    }
    return schema || {};
  }

  // Every alternative of a schema (anyOf / oneOf / allOf), resolved.
  function alternatives(schema, root) {
    var own = resolve(schema, root);
    var all = [own];
    ['anyOf', 'oneOf', 'allOf'].forEach(function (key) {
      (own[key] || []).forEach(function (branch) { all = all.concat(alternatives(branch, root)); });
    });
    return all;
  }

  function childSchema(schema, key, root) {
    var found = null;
    alternatives(schema, root).forEach(function (option) {
      if (found) { return; }
      if (option.properties && option.properties[key]) { found = option.properties[key]; return; }
      Object.keys(option.patternProperties || {}).forEach(function (pattern) {
        if (!found && new RegExp(pattern).test(key)) { found = option.patternProperties[pattern]; }
      });
      if (!found && option.additionalProperties && typeof option.additionalProperties === 'object') {
        found = option.additionalProperties;
      }
    });
    return found;
  }

  function properties(schema, root) {
    var names = {};
    alternatives(schema, root).forEach(function (option) {
      Object.keys(option.properties || {}).forEach(function (name) {
        if (!names[name]) { names[name] = resolve(option.properties[name], root); }
      });
    });
    return names;
  }

  function enumValues(schema, root) {
    var values = [];
    alternatives(schema, root).forEach(function (option) {
      (option['enum'] || []).forEach(function (value) { if (typeof value === 'string') { values.push(value); } });
      if (typeof option['const'] === 'string') { values.push(option['const']); }
    });
    return values;
  }

  // ----- where the cursor is: the keys above it, by indentation -----

  var KEY = /^(\s*)(?:-\s+)?("([^"]*)"|'([^']*)'|[^\s#'"][^:#]*?)\s*:(?:\s|$)/;

  function keyOf(line) {
    var match = KEY.exec(line);
    if (!match) { return null; }
    var name = match[3] !== undefined ? match[3] : (match[4] !== undefined ? match[4] : match[2]);
    return { indent: match[1].length, name: name.trim() };
  }

  function pathAt(cm, lineNumber, indent) {
    var path = [];
    var limit = indent;
    for (var n = lineNumber - 1; n >= 0 && limit > 0; n--) {
      var text = cm.getLine(n);
      if (!text.trim() || text.trim().charAt(0) === '#') { continue; }
      var key = keyOf(text);
      if (key && key.indent < limit) {
        path.unshift(key.name);
        limit = key.indent;
      }
    }
    return path;
  }

  function siblings(cm, lineNumber, indent) {
    var names = {};
    for (var n = 0; n < cm.lineCount(); n++) {
      var key = keyOf(cm.getLine(n));
      if (key && key.indent === indent && pathAt(cm, n, indent).join('\u0000') === pathAt(cm, lineNumber, indent).join('\u0000')) {
        names[key.name] = true;
      }
    }
    return names;
  }

  function hintFor(state) {
    return function (cm) {
      if (!state.schema) { return null; }
      var cursor = cm.getCursor();
      var line = cm.getLine(cursor.line);
      var before = line.substring(0, cursor.ch);
      var valueMatch = /^(\s*)(?:-\s+)?([\w.\-]+)\s*:\s*["']?([^"'#]*)$/.exec(before);
      var indent = /^\s*/.exec(line)[0].length;
      var path = pathAt(cm, cursor.line, indent);
      var list = [];
      var from;
      if (valueMatch) {
        var typed = valueMatch[3];
        from = CodeMirror.Pos(cursor.line, cursor.ch - typed.length);
        var key = valueMatch[2];
        if (key === 'type' && path[0] === 'applications' && path.length === 2) {
          list = types(state.registry, 'runtimes', typed);
        } else if (key === 'type' && path[0] === 'services' && path.length === 2) {
          list = types(state.registry, 'services', typed);
        } else {
          var schema = state.schema;
          path.concat([key]).forEach(function (part) { schema = schema ? childSchema(schema, part, state.schema) : null; });
          list = schema ? enumValues(schema, state.schema).filter(function (value) { return value.indexOf(typed) === 0; })
            .map(function (value) { return { text: value, displayText: value }; }) : [];
        }
      } else {
        var word = /[\w.\-]*$/.exec(before)[0];
        from = CodeMirror.Pos(cursor.line, cursor.ch - word.length);
        var parent = state.schema;
        path.forEach(function (part) { parent = parent ? childSchema(parent, part, state.schema) : null; });
        if (parent) {
          var present = siblings(cm, cursor.line, indent);
          var names = properties(parent, state.schema);
          list = Object.keys(names).filter(function (name) { return !present[name] && name.indexOf(word) === 0; })
            .map(function (name) {
              var description = names[name].description || '';
              return { text: name + ': ', displayText: name, description: description, render: renderItem };
            });
        }
      }
      return list.length ? { list: list, from: from, to: cursor } : null;
    };
  }

  function renderItem(element, self, data) {
    var name = document.createElement('span');
    name.className = 'spec-hint-name';
    name.textContent = data.displayText;
    element.appendChild(name);
    if (data.description) {
      var description = document.createElement('span');
      description.className = 'spec-hint-description';
      description.textContent = data.description;
      element.appendChild(description);
    }
  }

  function types(registry, kind, typed) {
    if (!registry) { return []; }
    var list = [];
    (registry[kind] || []).forEach(function (image) {
      image.supported.concat(image.deprecated).forEach(function (version) {
        var type = image.name + ':' + version;
        if (type.indexOf(typed) === 0) {
          var deprecated = image.deprecated.indexOf(version) >= 0;
          list.push({ text: type, displayText: type, description: image.label + (deprecated ? ' (deprecated)' : ''), render: renderItem });
        }
      });
    });
    return list;
  }

  // ----- problems: from the server, into the gutter and the list under the editor -----

  function lint(state) {
    return function (text, updateLinting, options, cm) {
      var body = 'infrastructure=' + encodeURIComponent(text);
      fetch(state.validateUrl, { method: 'POST', credentials: 'same-origin', headers: csrf(), body: body })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (check) {
          if (!check) { return; }
          var annotations = [];
          var problems = [];
          [['error', check.errors], ['warning', check.warnings]].forEach(function (pair) {
            pair[1].forEach(function (problem) {
              var line = Math.max(0, problem.line - 1);
              var from = CodeMirror.Pos(line, Math.max(0, problem.column - 1));
              var to = CodeMirror.Pos(line, cm.getLine(line) !== undefined ? cm.getLine(line).length : 0);
              annotations.push({ from: from, to: to, message: problem.message, severity: pair[0] });
              problems.push({ severity: pair[0], line: problem.line, column: problem.column, message: problem.message });
            });
          });
          updateLinting(cm, annotations);
          showProblems(state, cm, problems);
        });
    };
  }

  function showProblems(state, cm, problems) {
    var list = state.problems;
    list.textContent = '';
    var errors = problems.filter(function (p) { return p.severity === 'error'; }).length;
    var warnings = problems.length - errors;
    state.status.textContent = problems.length === 0 ? 'No problems found.'
      : [errors ? errors + (errors === 1 ? ' error' : ' errors') : null,
        warnings ? warnings + (warnings === 1 ? ' warning' : ' warnings') : null].filter(Boolean).join(', ')
        + (errors ? ': saving is refused until they are fixed.' : ': the spec saves with them.');
    state.status.className = 'small mt-2 ' + (errors ? 'text-danger' : (warnings ? 'text-warning-emphasis' : 'text-success'));
    problems.forEach(function (problem) {
      var item = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'btn btn-link btn-sm p-0 text-start spec-problem spec-problem-' + problem.severity;
      button.textContent = (problem.line > 0 ? 'Line ' + problem.line + ', column ' + problem.column + ': ' : '') + problem.message;
      button.addEventListener('click', function () {
        cm.focus();
        cm.setCursor(CodeMirror.Pos(Math.max(0, problem.line - 1), Math.max(0, problem.column - 1)));
      });
      item.appendChild(button);
      list.appendChild(item);
    });
  }

  function enhance(textarea) {
    if (typeof CodeMirror === 'undefined') { return; }
    var state = {
      validateUrl: textarea.getAttribute('data-validate-url'),
      problems: document.getElementById(textarea.getAttribute('data-problems')),
      status: document.getElementById(textarea.getAttribute('data-status')),
      schema: null,
      registry: null
    };
    // The server puts one newline before the text (a browser drops the first one of a textarea).
    var cm = CodeMirror.fromTextArea(textarea, {
      mode: 'yaml',
      lineNumbers: true,
      indentUnit: 2,
      tabSize: 2,
      indentWithTabs: false,
      lineWrapping: false,
      inputStyle: 'contenteditable',
      screenReaderLabel: textarea.getAttribute('aria-label') || 'Infrastructure spec (YAML)',
      gutters: ['CodeMirror-lint-markers', 'CodeMirror-linenumbers'],
      lint: { getAnnotations: lint(state), async: true, delay: 400 },
      hintOptions: { hint: hintFor(state), completeSingle: false },
      extraKeys: {
        'Tab': function (editor) {
          if (editor.somethingSelected()) { editor.indentSelection('add'); } else { editor.replaceSelection('  ', 'end'); }
        },
        'Shift-Tab': function (editor) { editor.indentSelection('subtract'); },
        'Ctrl-Space': 'autocomplete',
        // Esc leaves the editor for the keyboard: focus moves on to the next control.
        'Esc': function (editor) { editor.getInputField().blur(); var next = document.getElementById('message'); if (next) { next.focus(); } }
      }
    });
    cm.getWrapperElement().classList.add('spec-codemirror');
    if (textarea.classList.contains('is-invalid')) { cm.getWrapperElement().classList.add('is-invalid'); }
    cm.on('inputRead', function (editor, change) {
      if (change.text.length === 1 && /[\w:]/.test(change.text[0])) { editor.showHint({ completeSingle: false }); }
    });
    textarea.form.addEventListener('submit', function () { cm.save(); });
    getJson(textarea.getAttribute('data-schema-url')).then(function (schema) { state.schema = schema; });
    getJson(textarea.getAttribute('data-registry-url')).then(function (registry) { state.registry = registry; });
    // The live list under the editor replaces the server's lists of the last submitted text.
    ['spec-warnings', 'spec-error-lines'].forEach(function (id) {
      var element = document.getElementById(id);
      if (element) { element.hidden = true; }
    });
    textarea.setAttribute('data-enhanced', 'true');
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('textarea[data-spec-editor]').forEach(enhance);
  });
})();
