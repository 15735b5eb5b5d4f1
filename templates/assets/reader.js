/* briefwright reader: a note's source in a card beside its number, and contents that follow
   the reader. No framework and no network: a card is built from the page's own notes list,
   so it works from file:// as from a server; with scripting off every note number is still
   a plain link to its note.

   Relies on: a.note-ref[href="#note-N"] (note numbers), .basis a[href="#note-N"] (a
   judgment's "Rests on notes …", whose numbers are read from data-notes or its text),
   ol.notes li#note-N with .note-source (its link to #source-<id>), .note-quote and, when
   the source has an address, .note-links (links to copy; data-archive and data-archive-label: the archived copy), and
   nav.toc (links to the sections' ids). The words it adds are English unless the page
   carries <script type="application/json" id="reader-labels"> with any of LABELS' keys. */
(() => {
  "use strict";

  const OPEN_DELAY = 120; // ms a pointer rests on a number before its card opens
  const CLOSE_DELAY = 350; // ms to move the pointer from the number into its card
  const GAP = 8; // px between the statement and its card, and from the window's edges
  const SOURCES = "sources/"; // the source pages, beside the brief
  const STATEMENT = ".fact, .judgment, .recommendation, li, td, dd, p";
  const doc = document;
  const LABELS = {
    note: "Source note {n}",
    restsOnOne: "Rests on note {n}",
    restsOnMany: "Rests on notes {list}",
    readSource: "Read it in the source",
    readSourceNamed: "Read it in the source (note {n})",
    inList: "Note {n} in the list",
    contents: "Contents",
    sections: "Sections",
  };
  const given = doc.getElementById("reader-labels");
  if (given) Object.assign(LABELS, JSON.parse(given.textContent));

  function say(key, values) {
    return LABELS[key].replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
  }

  function make(tag, className, text) {
    const element = doc.createElement(tag);
    if (className) element.className = className;
    if (text) element.textContent = text;
    return element;
  }

  function link(href, text, label) {
    const anchor = make("a", "", text);
    anchor.href = href;
    if (label) anchor.setAttribute("aria-label", label);
    return anchor;
  }

  /* Note cards */

  function noteNumbers(trigger) {
    const own = Number(trigger.getAttribute("href").slice("#note-".length));
    if (trigger.classList.contains("note-ref")) return [own];
    const listed = (trigger.dataset.notes || trigger.textContent).match(/\d+/g) || [];
    const numbers = listed.map(Number).filter((n) => doc.getElementById("note-" + n));
    return numbers.length ? numbers : [own];
  }

  function noteEntry(number) {
    const note = doc.getElementById("note-" + number);
    const parts = [];
    if (!note) return parts;
    const source = note.querySelector(".note-source");
    const quote = note.querySelector(".note-quote");
    if (source) {
      const line = make("p");
      line.append(source.cloneNode(true));
      parts.push(line);
    }
    if (quote) parts.push(quote.cloneNode(true));
    const links = make("p", "reader-card-links");
    const outlet = source && source.querySelector('a[href^="#source-"]');
    if (outlet) {
      const id = outlet.getAttribute("href").slice("#source-".length);
      const href = SOURCES + encodeURIComponent(id) + ".html#q-" + number;
      links.append(link(href, say("readSource", {}), say("readSourceNamed", { n: number })));
    }
    // The passage on the publisher's page, and the archived copy, when the note has them.
    const elsewhere = note.querySelector(".note-links");
    for (const anchor of elsewhere ? elsewhere.querySelectorAll("a") : []) {
      links.append(anchor.cloneNode(true));
    }
    if (elsewhere && elsewhere.dataset.archive) {
      links.append(link(elsewhere.dataset.archive, elsewhere.dataset.archiveLabel));
    }
    links.append(link("#note-" + number, say("inList", { n: number })));
    parts.push(links);
    return parts;
  }

  function fillCard(card, trigger) {
    const numbers = noteNumbers(trigger);
    const basis = !trigger.classList.contains("note-ref");
    const many = numbers.length > 1;
    const values = { n: numbers[0], list: numbers.join(", ") };
    const title = say(basis ? (many ? "restsOnMany" : "restsOnOne") : "note", values);
    const heading = make("p", "reader-card-title", title);
    heading.id = "reader-card-title";
    card.replaceChildren(heading);
    if (!basis) {
      card.append(...noteEntry(numbers[0]));
      return;
    }
    const list = make("ol");
    for (const number of numbers) {
      const item = make("li");
      item.value = number;
      item.append(...noteEntry(number));
      list.append(item);
    }
    card.append(list);
  }

  /* Beside the statement, never over it: below if the card fits, else above, else on the
     roomier side with a height that fits (scrolling the page first, if the card was asked
     for, when neither side has room). */
  function placeCard(card, trigger, mayScroll) {
    const statement = trigger.parentElement.closest(STATEMENT) || trigger;
    const viewHeight = window.innerHeight;
    const viewWidth = doc.documentElement.clientWidth;
    card.style.maxHeight = "";
    let box = statement.getBoundingClientRect();
    let ref = trigger.getBoundingClientRect();
    const height = card.offsetHeight;
    const need = Math.min(height, viewHeight * 0.45);
    if (mayScroll && viewHeight - box.bottom - 2 * GAP < need && box.top - 2 * GAP < need) {
      const shift = Math.min(box.bottom - (viewHeight - 2 * GAP - need), ref.top - GAP);
      if (shift > 0) window.scrollBy(0, shift);
      box = statement.getBoundingClientRect();
      ref = trigger.getBoundingClientRect();
    }
    const below = viewHeight - box.bottom - 2 * GAP;
    const above = box.top - 2 * GAP;
    let top;
    if (height <= below || (height > above && below >= above)) {
      if (height > below) card.style.maxHeight = Math.max(below, 0) + "px";
      top = box.bottom + GAP;
    } else {
      if (height > above) card.style.maxHeight = above + "px";
      top = box.top - GAP - Math.min(height, above);
    }
    const left = Math.max(GAP, Math.min(ref.left - 24, viewWidth - card.offsetWidth - GAP));
    card.style.left = "0px";
    card.style.top = "0px";
    const origin = card.getBoundingClientRect();
    card.style.left = left - origin.left + "px";
    card.style.top = top - origin.top + "px";
  }

  function setUpCards() {
    if (!doc.querySelector('ol.notes li[id^="note-"]')) return;
    const triggers = doc.querySelectorAll('a.note-ref[href^="#note-"], .basis a[href^="#note-"]');
    const card = make("div", "reader-card");
    card.id = "reader-card";
    card.hidden = true;
    card.setAttribute("role", "dialog");
    card.setAttribute("aria-labelledby", "reader-card-title");
    doc.body.append(card);
    let owner = null;
    let pinned = false;
    let quiet = false;
    let openTimer = 0;
    let closeTimer = 0;

    function open(trigger, pin, mayScroll) {
      clearTimeout(openTimer);
      clearTimeout(closeTimer);
      pinned = pin;
      if (owner === trigger) return;
      if (owner) owner.setAttribute("aria-expanded", "false");
      owner = trigger;
      fillCard(card, trigger);
      trigger.after(card);
      card.hidden = false;
      trigger.setAttribute("aria-expanded", "true");
      placeCard(card, trigger, mayScroll);
    }

    function close(returnFocus) {
      clearTimeout(openTimer);
      clearTimeout(closeTimer);
      if (!owner) return;
      const trigger = owner;
      owner = null;
      pinned = false;
      card.hidden = true;
      trigger.setAttribute("aria-expanded", "false");
      if (returnFocus) {
        quiet = true;
        trigger.focus();
        quiet = false;
      }
    }

    function focusInside() {
      return owner && (doc.activeElement === owner || card.contains(doc.activeElement));
    }

    function leaveSoon() {
      clearTimeout(openTimer);
      clearTimeout(closeTimer);
      closeTimer = setTimeout(() => pinned || focusInside() || close(false), CLOSE_DELAY);
    }

    for (const trigger of triggers) {
      trigger.setAttribute("aria-expanded", "false");
      trigger.setAttribute("aria-controls", card.id);
      trigger.addEventListener("pointerenter", (event) => {
        if (event.pointerType === "touch") return;
        clearTimeout(closeTimer);
        if (owner !== trigger) openTimer = setTimeout(() => open(trigger, false, false), OPEN_DELAY);
      });
      trigger.addEventListener("pointerleave", (event) => {
        if (event.pointerType !== "touch") leaveSoon();
      });
      // Only a keyboard's focus may scroll the page to make room: a pointer's comes between
      // its press and its release, and the click would land elsewhere.
      trigger.addEventListener("focus", () => {
        if (!quiet) open(trigger, pinned && owner === trigger, trigger.matches(":focus-visible"));
      });
      trigger.addEventListener("click", (event) => {
        event.preventDefault();
        if (owner === trigger && pinned) close(false);
        else open(trigger, true, true);
      });
    }
    card.addEventListener("pointerenter", () => clearTimeout(closeTimer));
    card.addEventListener("pointerleave", (event) => {
      if (event.pointerType !== "touch") leaveSoon();
    });
    card.addEventListener("click", (event) => {
      if (event.target.closest("a")) close(false);
    });
    doc.addEventListener("pointerdown", (event) => {
      if (owner && !card.contains(event.target) && !owner.contains(event.target)) close(false);
    });
    doc.addEventListener("focusin", (event) => {
      if (owner && event.target !== owner && !card.contains(event.target)) close(false);
    });
    doc.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && owner) close(Boolean(focusInside()));
    });
    window.addEventListener("resize", () => owner && placeCard(card, owner, false));
    window.addEventListener("beforeprint", () => close(false));
  }

  /* Contents: the section being read is marked in the contents (beside the text on a wide
     screen); on a phone, once the cover's contents are out of sight, a button opens them. */

  function setUpContents() {
    const toc = doc.querySelector("nav.toc");
    if (!toc || !("IntersectionObserver" in window)) return;
    const menu = makeMenu(toc);
    const sections = [...toc.querySelectorAll('a[href^="#"]')]
      .map((anchor) => doc.getElementById(anchor.getAttribute("href").slice(1)))
      .filter(Boolean);
    const seen = new Set();
    const follow = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) seen.add(entry.target);
          else seen.delete(entry.target);
        }
        const current = sections.find((section) => seen.has(section));
        const beforeFirst = sections[0].getBoundingClientRect().top > window.innerHeight * 0.2;
        if (current || beforeFirst) markCurrent([toc, menu], current ? current.id : null);
      },
      { rootMargin: "-20% 0px -79% 0px" },
    );
    sections.forEach((section) => follow.observe(section));
    // An observer reports crossings only: a jump from above the contents to below them
    // crosses nothing, so the menu follows the scroll position itself.
    let pending = false;
    const showMenu = () => {
      pending = false;
      const hidden = toc.getBoundingClientRect().bottom > 0;
      if (hidden && !menu.hidden) menu.close(false);
      menu.hidden = hidden;
    };
    window.addEventListener("scroll", () => {
      if (!pending) pending = Boolean(requestAnimationFrame(showMenu));
    }, { passive: true });
    showMenu();
  }

  function markCurrent(navs, id) {
    for (const nav of navs) {
      for (const anchor of nav.querySelectorAll('a[href^="#"]')) {
        if (id && anchor.getAttribute("href") === "#" + id) {
          anchor.setAttribute("aria-current", "location");
          keepInView(nav, anchor);
        } else {
          anchor.removeAttribute("aria-current");
        }
      }
    }
  }

  function keepInView(nav, anchor) {
    const scroller = nav.scrollHeight > nav.clientHeight ? nav : nav.querySelector("ol");
    if (!scroller || scroller.scrollHeight <= scroller.clientHeight) return;
    const box = scroller.getBoundingClientRect();
    const spot = anchor.getBoundingClientRect();
    if (spot.top < box.top || spot.bottom > box.bottom) {
      scroller.scrollTop += spot.top - box.top - scroller.clientHeight / 2;
    }
  }

  function makeMenu(toc) {
    const menu = make("nav", "reader-menu");
    menu.setAttribute("aria-label", say("sections", {}));
    menu.hidden = true;
    const button = make("button", "", say("contents", {}));
    button.type = "button";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", "reader-menu-list");
    const list = toc.querySelector("ol").cloneNode(true);
    list.id = "reader-menu-list";
    list.hidden = true;
    menu.append(button, list);
    menu.close = (returnFocus) => {
      list.hidden = true;
      button.setAttribute("aria-expanded", "false");
      if (returnFocus) button.focus();
    };
    button.addEventListener("click", () => {
      list.hidden = !list.hidden;
      button.setAttribute("aria-expanded", String(!list.hidden));
    });
    list.addEventListener("click", (event) => event.target.closest("a") && menu.close(false));
    menu.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !list.hidden) menu.close(true);
    });
    doc.addEventListener("pointerdown", (event) => {
      if (!menu.contains(event.target)) menu.close(false);
    });
    window.addEventListener("beforeprint", () => menu.close(false));
    doc.body.append(menu);
    return menu;
  }

  setUpCards();
  setUpContents();
})();
