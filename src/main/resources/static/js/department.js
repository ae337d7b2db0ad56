// The department page's uploads and pre-checks, sent through the JSON API with the page's session and
// its CSRF token; each upload's outcome and receipt appear as soon as they exist (polling). A file
// of the page, not inline script: the Content-Security-Policy allows only the application's own files.
(function () {
  'use strict';

  // Marks the requests as the page's own: an expired session then answers 401 without asking the
  // browser for a password (Spring Security leaves out WWW-Authenticate for them).
  var OWN = { 'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json' };
  var EXPIRED = '登录已过期，请刷新页面重新登录。';
  var POLL_MS = 1500;
  var POLL_FOR_MS = 30 * 60 * 1000;

  function csrf(form) {
    var input = form.querySelector('input[name="_csrf"]');
    return input ? input.value : '';
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function count(n) {
    return Number(n).toLocaleString('zh-CN');
  }

  function link(href, text, className) {
    var a = el('a', text, className);
    a.href = href;
    return a;
  }

  // The form's own fields (department, _csrf) and the files: chosen, or dropped.
  function formData(form, files) {
    var data = new FormData();
    form.querySelectorAll('input[type="hidden"]').forEach(function (input) {
      data.append(input.name, input.value);
    });
    Array.prototype.forEach.call(files, function (file) {
      data.append('file', file, file.name);
    });
    return data;
  }

  function send(form, files) {
    return fetch(form.action, {
      method: 'POST',
      body: formData(form, files),
      credentials: 'same-origin',
      headers: Object.assign({ 'X-CSRF-TOKEN': csrf(form) }, OWN)
    }).then(function (response) {
      return response.json().catch(function () {
        return { detail: '服务器没有给出说明（' + response.status + '）。' };
      }).then(function (body) {
        return { ok: response.ok, status: response.status, body: body };
      });
    }, function () {
      return { ok: false, status: 0, body: { detail: '无法连接服务器，请检查网络后重试。' } };
    });
  }

  function refusal(answer) {
    if (answer.status === 401) {
      return EXPIRED;
    }
    if (answer.status === 403 && !answer.body.detail) {
      return '无权执行此操作，或登录已过期，请刷新页面后重试。';
    }
    return answer.body.detail || '上传失败（' + answer.status + '）。';
  }

  // ---- uploads ----

  var uploadForm = document.getElementById('upload-form');
  var results = document.getElementById('upload-results');

  function resultRow(name) {
    var row = el('tr');
    row.appendChild(el('td', name));
    row.appendChild(el('td'));
    row.appendChild(el('td'));
    row.appendChild(el('td'));
    results.classList.remove('hidden');
    results.tBodies[0].insertBefore(row, results.tBodies[0].firstChild);
    return row;
  }

  function showStatus(row, status) {
    row.dataset.status = status.status;
    var cells = row.cells;
    cells[1].replaceChildren(el('span', status.statusName, 'status ' + status.status));
    if (status.submissionId) {
      var outcome = el('span');
      outcome.appendChild(link('/submissions/' + status.submissionId, '报送#' + status.submissionId));
      if (status.status !== 'received') {
        outcome.appendChild(document.createTextNode('：数值 ' + count(status.rowsTotal) + '，入库 ' + count(status.rowsLoaded)
          + '，退回 ' + count(status.rowsRejected) + '，问题 ' + count(status.errors)));
      }
      cells[2].replaceChildren(outcome);
    }
    if (status.receiptXlsx) {
      var receipt = el('span');
      receipt.appendChild(link(status.receiptXlsx, '回执表格', 'receipt-xlsx'));
      receipt.appendChild(document.createTextNode(' · '));
      receipt.appendChild(link(status.receiptTxt, '回执文本', 'receipt-txt'));
      cells[3].replaceChildren(receipt);
    }
  }

  function follow(row, statusUrl, since) {
    fetch(statusUrl, { credentials: 'same-origin', headers: OWN })
      .then(function (response) {
        if (response.status === 401) {
          row.cells[2].replaceChildren(el('span', EXPIRED, 'failure'));
          return { done: true };
        }
        return response.ok ? response.json() : null;
      })
      .then(function (status) {
        if (status && status.status) {
          showStatus(row, status);
        }
        if (!(status && status.done) && Date.now() - since < POLL_FOR_MS) {
          setTimeout(function () { follow(row, statusUrl, since); }, POLL_MS);
        }
      }, function () {
        setTimeout(function () { follow(row, statusUrl, since); }, POLL_MS * 4);
      });
  }

  function upload(files) {
    if (!files || files.length === 0) {
      return;
    }
    var pending = Array.prototype.map.call(files, function (file) {
      var row = resultRow(file.name);
      row.cells[1].replaceChildren(el('span', '正在上传', 'status received'));
      return row;
    });
    send(uploadForm, files).then(function (answer) {
      if (!answer.ok) {
        pending.forEach(function (row) {
          row.dataset.status = 'refused';
          row.cells[1].replaceChildren(el('span', '未上传', 'status rejected'));
          row.cells[2].replaceChildren(el('span', refusal(answer), 'failure'));
        });
        return;
      }
      answer.body.forEach(function (sent, i) {
        var row = pending[i];
        row.cells[0].textContent = sent.name;
        row.dataset.file = sent.name;
        showStatus(row, { status: sent.status, statusName: sent.statusName });
        follow(row, sent.statusUrl, Date.now());
      });
      uploadForm.reset();
    });
  }

  if (uploadForm) {
    var chooser = document.getElementById('upload-files');
    var zone = document.getElementById('drop-zone');
    uploadForm.addEventListener('submit', function (event) {
      event.preventDefault();
      upload(chooser.files);
    });
    ['dragenter', 'dragover'].forEach(function (type) {
      zone.addEventListener(type, function (event) {
        event.preventDefault();
        zone.classList.add('dragging');
      });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove('dragging'); });
    });
    zone.addEventListener('drop', function (event) {
      event.preventDefault();
      upload(event.dataTransfer.files);
    });
  }

  // ---- pre-check ----

  var precheckForm = document.getElementById('precheck-form');
  var precheckResult = document.getElementById('precheck-result');

  function showPrecheck(answer) {
    precheckResult.replaceChildren();
    if (!answer.ok) {
      precheckResult.appendChild(el('div', refusal(answer), 'problem'));
      return;
    }
    var outcome = answer.body;
    var summary = el('div', outcome.verdict + '。《' + outcome.fileName + '》共 ' + count(outcome.figures) + ' 个数值，其中 '
      + count(outcome.valid) + ' 个无误，发现 ' + count(outcome.problems.length + outcome.problemsNotListed) + ' 个问题。'
      + '本次为预检，未入库，也未保留文件。', outcome.wouldLoad ? 'notice' : 'problem');
    summary.id = 'precheck-verdict';
    precheckResult.appendChild(summary);
    if (outcome.problems.length === 0) {
      return;
    }
    var table = el('table');
    table.id = 'precheck-problems';
    var head = el('tr');
    ['工作表', '行', '列', '填报值', '问题和改正方法'].forEach(function (title) { head.appendChild(el('th', title)); });
    table.appendChild(head);
    outcome.problems.forEach(function (problem) {
      var row = el('tr');
      row.appendChild(el('td', problem.sheet));
      row.appendChild(el('td', problem.rowNo === null ? '整个文件' : String(problem.rowNo), 'num'));
      row.appendChild(el('td', problem.columnName));
      row.appendChild(el('td', problem.value));
      row.appendChild(el('td', problem.message));
      table.appendChild(row);
    });
    precheckResult.appendChild(table);
  }

  if (precheckForm) {
    precheckForm.addEventListener('submit', function (event) {
      event.preventDefault();
      var chosen = document.getElementById('precheck-file').files;
      if (chosen.length === 0) {
        return;
      }
      precheckResult.replaceChildren(el('div', '正在预检……', 'notice'));
      send(precheckForm, [chosen[0]]).then(showPrecheck);
    });
  }
}());
