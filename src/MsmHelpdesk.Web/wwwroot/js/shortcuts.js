// Keyboard shortcuts of the helpdesk (n, /, j, k, ?). What the page itself can do stays here (focus the search box,
// move along a ticket table); the rest (navigation, the help dialog) is asked of .NET.
const handled = ['n', '/', 'j', 'k', '?'];

const isTyping = element =>
    !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));

const searchBox = () => document.querySelector('input[data-shortcut="search"]');

const visibleRows = () => [...document.querySelectorAll('tr.ticket-row')].filter(row => row.offsetParent !== null);

// j/k on a list: the next or previous row becomes the current one; its link takes the focus, so Enter opens it.
function moveAlongRows(step) {
    const rows = visibleRows();
    if (rows.length === 0) return false;
    const at = rows.findIndex(row => row.classList.contains('shortcut-current'));
    const next = at < 0 ? (step > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + step));
    rows.forEach(row => { row.classList.remove('shortcut-current'); row.removeAttribute('aria-selected'); });
    const row = rows[next];
    row.classList.add('shortcut-current');
    row.setAttribute('aria-selected', 'true');
    row.scrollIntoView({ block: 'nearest' });
    row.querySelector('a')?.focus({ preventScroll: true });
    return true;
}

export function listen(dotnet) {
    const onKeyDown = event => {
        if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
        if (!handled.includes(event.key) || isTyping(event.target) || isTyping(document.activeElement)) return;
        event.preventDefault();
        if (event.key === '/' && searchBox()) {
            searchBox().focus();
            return;
        }
        if ((event.key === 'j' || event.key === 'k') && moveAlongRows(event.key === 'j' ? 1 : -1)) return;
        dotnet.invokeMethodAsync('OnShortcut', event.key);
    };
    document.addEventListener('keydown', onKeyDown);
    return { dispose: () => document.removeEventListener('keydown', onKeyDown) };
}

// After "/" has opened the ticket list: focus its search box as soon as the page shows it.
export function focusSearchWhenShown() {
    let tries = 0;
    const attempt = () => {
        const box = searchBox();
        if (box) box.focus();
        else if (++tries < 100) setTimeout(attempt, 100);
    };
    attempt();
}
