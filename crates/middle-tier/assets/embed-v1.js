// guest-join embed, version 1: <guest-join join="MEETING LINK"></guest-join>
//
// Defines the <guest-join> element. It frames the guest-join app served from the origin
// this script came from, sizes the frame to the app, and turns the app's messages into DOM
// events on the element: guest-join:ready, guest-join:stage, guest-join:people,
// guest-join:unread, guest-join:size (event.detail is the message). Methods: leave(),
// setName(name), focusChat(). Attributes: join (the meeting link), name (the guest's name,
// handed over by message, never in a URL), theme (light, dark or auto), lang, title.
(() => {
  "use strict";
  const VERSION = 1;
  const script = document.currentScript;
  const app = new URL("/", script && script.src ? script.src : location.href);

  class GuestJoinElement extends HTMLElement {
    connectedCallback() {
      if (this.frame) return;
      this.queue = [];
      this.ready = false;
      const src = new URL(app.href);
      for (const name of ["join", "invite", "lang"]) {
        const value = this.getAttribute(name);
        if (value) src.searchParams.set(name, value);
      }
      const theme = this.getAttribute("theme");
      if (theme === "light" || theme === "dark") src.searchParams.set("theme", theme);
      const frame = document.createElement("iframe");
      frame.src = src.href;
      frame.title = this.getAttribute("title") || "Meeting";
      frame.allow = "clipboard-write";
      frame.style.border = "0";
      frame.style.width = "100%";
      frame.style.display = "block";
      frame.style.height = (Number(this.getAttribute("height")) || 640) + "px";
      this.frame = frame;
      this.listener = (event) => this.receive(event);
      window.addEventListener("message", this.listener);
      this.appendChild(frame);
    }

    disconnectedCallback() {
      window.removeEventListener("message", this.listener);
      if (this.frame) this.frame.remove();
      this.frame = null;
    }

    receive(event) {
      // Only the app in this element's own frame, from the app's origin, is listened to.
      if (!this.frame || event.source !== this.frame.contentWindow || event.origin !== app.origin) return;
      const message = event.data;
      if (!message || message.guestJoin !== VERSION || typeof message.type !== "string") return;
      if (message.type === "size" && Number.isFinite(message.height)) {
        this.frame.style.height = Math.max(320, Math.ceil(message.height)) + "px";
      }
      if (message.type === "ready") {
        this.ready = true;
        const name = this.getAttribute("name");
        if (name) this.setName(name);
        for (const queued of this.queue.splice(0)) this.post(queued);
      }
      this.dispatchEvent(new CustomEvent("guest-join:" + message.type, { detail: message, bubbles: true }));
    }

    post(message) {
      if (!this.ready || !this.frame) {
        this.queue.push(message);
        return;
      }
      this.frame.contentWindow.postMessage(Object.assign({ guestJoin: VERSION }, message), app.origin);
    }

    leave() { this.post({ type: "leave" }); }
    setName(name) { this.post({ type: "setName", name: String(name) }); }
    focusChat() { this.post({ type: "focusChat" }); }
  }

  if (!customElements.get("guest-join")) customElements.define("guest-join", GuestJoinElement);
})();
