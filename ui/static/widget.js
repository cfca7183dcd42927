/* policyqa portal widget: one <script src="http://HOST:7860/widget.js" data-title="…" data-locality="…" async>
   adds a floating button and a chat panel. Styles live in a shadow root, so the host page is never
   restyled; every string from the server is inserted as text, never as HTML. No dependencies. */
(function () {
  "use strict";
  var script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  if (!script || window.__policyqaWidget) return;
  window.__policyqaWidget = true;
  var base = new URL(script.src, location.href).origin;
  var title = script.getAttribute("data-title") || "法治政府建设问答";
  var locality = script.getAttribute("data-locality") || "";
  var history = [];

  var host = document.createElement("div");
  host.id = "policyqa-widget";
  // inline `all:initial` beats the host page's selectors on this element (inherited properties
  // such as letter-spacing would otherwise flow into the shadow tree)
  host.style.cssText = "all:initial;position:fixed;right:20px;bottom:20px;z-index:2147483000;";
  var root = host.attachShadow({ mode: "open" });
  root.innerHTML =
    "<style>" +
    ":host{all:initial}*{box-sizing:border-box;letter-spacing:normal;text-transform:none;font-family:'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif}" +
    ".btn{width:56px;height:56px;border-radius:50%;border:0;background:#b71c1c;color:#fff;font-size:15px;cursor:pointer;box-shadow:0 4px 12px rgba(0,0,0,.25)}" +
    ".panel{display:none;flex-direction:column;width:380px;max-width:calc(100vw - 40px);height:560px;max-height:calc(100vh - 100px);background:#fff;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.3);overflow:hidden;position:absolute;right:0;bottom:70px}" +
    ".panel.open{display:flex}" +
    ".top{background:#b71c1c;color:#fff;padding:10px 12px;display:flex;align-items:center;gap:8px;font-size:15px}" +
    ".top .t{flex:1;font-weight:600}.top a,.top button{color:#fff;font-size:12px;background:none;border:0;cursor:pointer;text-decoration:underline}" +
    ".log{flex:1;overflow-y:auto;padding:10px;background:#f7f7f7;font-size:14px;line-height:1.6}" +
    ".msg{margin:6px 0;padding:8px 10px;border-radius:8px;white-space:pre-wrap;word-break:break-word}" +
    ".me{background:#fde7e7;margin-left:40px}.bot{background:#fff;border:1px solid #e5e5e5;margin-right:20px}" +
    ".src{margin-top:6px;font-size:12px}.src details{border-top:1px dashed #ddd;padding:4px 0}.src summary{cursor:pointer;color:#8b0000}" +
    ".src .units{color:#444}.src .txt{color:#333;margin-top:4px}.src mark{background:#ffe58f}" +
    ".fb{margin-top:6px;font-size:12px;color:#666}.fb button{border:1px solid #ddd;background:#fff;border-radius:4px;cursor:pointer;margin-right:4px}" +
    ".in{display:flex;border-top:1px solid #eee}.in textarea{flex:1;border:0;padding:10px;resize:none;font-size:14px;height:56px;outline:none}" +
    ".in button{border:0;background:#b71c1c;color:#fff;padding:0 16px;cursor:pointer;font-size:14px}.in button:disabled{background:#ccc}" +
    "</style>" +
    "<div class='panel' role='dialog' aria-label='问答'><div class='top'><span class='t'></span>" +
    "<button class='new' type='button'>新对话</button><a class='full' target='_blank' rel='noopener'>完整页面</a>" +
    "<button class='close' type='button' aria-label='关闭'>✕</button></div>" +
    "<div class='log' aria-live='polite'></div>" +
    "<div class='in'><textarea maxlength='2000' placeholder='请输入问题,如:行政复议体制改革由哪个单位牵头?'></textarea>" +
    "<button class='send' type='button'>发送</button></div></div>" +
    "<button class='btn' type='button' aria-label='打开问答'>问答</button>";

  var $ = function (s) { return root.querySelector(s); };
  var panel = $(".panel"), log = $(".log"), input = $("textarea"), send = $(".send");
  $(".t").textContent = title;
  $(".full").href = base + "/chat/";
  $(".btn").onclick = function () { panel.classList.toggle("open"); if (panel.classList.contains("open")) input.focus(); };
  $(".close").onclick = function () { panel.classList.remove("open"); };
  $(".new").onclick = function () { history = []; log.textContent = ""; };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function marked(text, quote) {
    var box = el("div", "txt");
    var at = quote ? text.indexOf(quote) : -1;
    if (at < 0) { box.textContent = text; return box; }
    box.appendChild(document.createTextNode(text.slice(0, at)));
    box.appendChild(el("mark", "", quote));
    box.appendChild(document.createTextNode(text.slice(at + quote.length)));
    return box;
  }

  function showSources(bubble, answer) {
    var cites = answer.citations || [];
    if (!cites.length) return;
    var src = el("div", "src");
    cites.forEach(function (c) {
      var d = el("details");
      d.appendChild(el("summary", "", "[" + c.n + "] " + (c.locality || "") + " · " + (c.section || "")));
      d.appendChild(el("div", "units", "牵头:" + (c.lead_units == null ? "未知" : (c.lead_units.join("、") || "—")) +
        "  责任:" + ((c.responsible_units || []).join("、") || "—") +
        ((c.participating_units || []).length ? "  配合:" + c.participating_units.join("、") : "") +
        (c.deadline ? "  时限:" + c.deadline : "") + (c.status ? "  状态:" + c.status : "")));
      d.appendChild(el("div", "units", c.title || ""));
      d.appendChild(marked(c.text || "", c.quote || ""));
      src.appendChild(d);
    });
    bubble.appendChild(src);
  }

  function showFeedback(bubble, answer) {
    var fb = el("div", "fb");
    ["up", "down"].forEach(function (rating) {
      var b = el("button", "", rating === "up" ? "有用" : "有误");
      b.type = "button";
      b.onclick = function () {
        fetch(base + "/api/feedback", {
          method: "POST", headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ rating: rating, question: answer.question || "", answer: answer.answer || "",
            citations: answer.citations || [], answer_id: answer.id || null, source: "widget" })
        }).then(function (r) { fb.textContent = r.ok ? "已记录,谢谢反馈。" : "反馈未能保存,请稍后再试。"; })
          .catch(function () { fb.textContent = "反馈未能保存,请稍后再试。"; });
      };
      fb.appendChild(b);
    });
    bubble.appendChild(fb);
  }

  function parseEvents(buffer, onEvent) {
    var parts = buffer.split("\n\n");
    for (var i = 0; i < parts.length - 1; i++) {
      var name = "message", data = "";
      parts[i].split("\n").forEach(function (line) {
        if (line.indexOf("event:") === 0) name = line.slice(6).trim();
        else if (line.indexOf("data:") === 0) data += line.slice(5).trim();
      });
      if (data) onEvent(name, JSON.parse(data));
    }
    return parts[parts.length - 1];
  }

  function ask() {
    var question = input.value.trim();
    if (!question || send.disabled) return;
    input.value = "";
    log.appendChild(el("div", "msg me", question));
    var bubble = el("div", "msg bot"), text = el("div", "", "…");
    bubble.appendChild(text);
    log.appendChild(bubble);
    log.scrollTop = log.scrollHeight;
    send.disabled = true;
    var shown = "";
    fetch(base + "/api/ask/stream", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ question: question, locality: locality || null, history: history.slice(-6) })
    }).then(function (resp) {
      if (!resp.ok) return resp.json().then(function (e) { throw new Error(e.error || ("HTTP " + resp.status)); });
      var reader = resp.body.getReader(), decoder = new TextDecoder(), buffer = "";
      function pump() {
        return reader.read().then(function (r) {
          if (r.done) return;
          buffer = parseEvents(buffer + decoder.decode(r.value, { stream: true }), function (name, data) {
            if (name === "delta") { shown += data.text; text.textContent = shown; }
            else if (name === "replace") { shown = data.text; text.textContent = shown || "…"; }
            else if (name === "final") {
              text.textContent = data.answer;
              showSources(bubble, data);
              showFeedback(bubble, data);
              history.push({ role: "user", content: question }, { role: "assistant", content: data.answer });
            }
            log.scrollTop = log.scrollHeight;
          });
          return pump();
        });
      }
      return pump();
    }).catch(function (err) {
      text.textContent = "⚠️ " + (err && err.message ? err.message : "服务暂时不可用,请稍后再试。");
    }).then(function () { send.disabled = false; input.focus(); });
  }

  send.onclick = ask;
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); ask(); }
  });
  (document.body || document.documentElement).appendChild(host);
})();
