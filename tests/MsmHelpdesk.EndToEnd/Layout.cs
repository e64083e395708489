using Microsoft.Playwright;

namespace MsmHelpdesk.EndToEnd;

public static class Layout
{
    /// <summary>
    /// Visible elements that reach past the viewport's right edge (or make the page scroll sideways), described by
    /// tag, id and classes. An element inside a box that scrolls or clips sideways and fits is not counted:
    /// a wide table in its own scroller is fine, a page the reader must pan is not.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WiderThanViewportAsync(IPage page)
    {
        var found = await page.EvaluateAsync<string[]>("""
            () => {
              const width = document.documentElement.clientWidth;
              const out = [];
              if (document.documentElement.scrollWidth > width + 1) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth}px > ${width}px`);
              const clipped = el => {
                for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                  const s = getComputedStyle(p);
                  if (['auto', 'scroll', 'hidden', 'clip'].includes(s.overflowX)) {
                    const r = p.getBoundingClientRect();
                    // Any box that clips within the viewport hides the overflow (a button's label inside a scrolled table).
                    if (r.right <= width + 1 && r.left >= -1) return true;
                  }
                }
                return false;
              };
              for (const el of document.body.querySelectorAll('*')) {
                const r = el.getBoundingClientRect();
                if (r.width === 0 || r.height === 0) continue;
                // A closed MudBlazor popover waits off-screen until it opens.
                if (el.closest('.mud-popover:not(.mud-popover-open)')) continue;
                const s = getComputedStyle(el);
                if (s.visibility === 'hidden' || s.position === 'fixed' && r.left >= width) continue;
                if ((r.right > width + 1 || r.left < -1) && !clipped(el)) {
                  const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).slice(0, 3).join('.') : '');
                  out.push(`${name} spans ${Math.round(r.left)}–${Math.round(r.right)}px of ${width}px`);
                }
              }
              return out.slice(0, 15);
            }
            """);
        return found;
    }
}
