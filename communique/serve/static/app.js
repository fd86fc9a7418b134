// Optional comfort: filter a dyad's contacts by type without reloading. Every link still works
// without this script (the server filters with ?type=).
document.addEventListener("DOMContentLoaded", () => {
  const links = document.querySelectorAll(".filter a[data-type], .filter a[href='?']");
  const rows = document.querySelectorAll("table.events tr[data-type]");
  const dots = document.querySelectorAll("svg circle.event[data-type]");
  if (!rows.length) return;
  links.forEach((link) => link.addEventListener("click", (ev) => {
    ev.preventDefault();
    const type = link.dataset.type || null;
    rows.forEach((r) => { r.hidden = type !== null && r.dataset.type !== type; });
    dots.forEach((d) => { d.style.display = type !== null && d.dataset.type !== type ? "none" : ""; });
    links.forEach((l) => l.classList.toggle("on", l === link));
    history.replaceState(null, "", type ? "?type=" + encodeURIComponent(type) : "?");
  }));
});
