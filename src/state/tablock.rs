//! The "in charge" lock between tabs, on the browser's Web Locks API: the tab in charge
//! holds it for as long as it is open; a tab taking over queues for it and is granted it
//! only once the tab in charge has saved and let go (or was closed). A busy tab keeps it,
//! so nobody ever takes over by guessing from a time-out. Browsers without the API fall
//! back to messages alone.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const NAME: &str = "peercircle-in-charge";
/// Set just before a page that was granted the lock reloads, so the reloaded page queues
/// for the lock (released as the old page unloads) instead of finding it taken.
const TAKE_OVER_MARK: &str = "peercircle-taking-over";

thread_local! {
    /// Resolving this lets go of the lock.
    static RELEASE: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// A request is waiting or the lock is held: never ask twice (a tab queued behind its
    /// own request would wait for ever).
    static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Does this tab hold the lock now?
pub fn held() -> bool {
    RELEASE.with(|r| r.borrow().is_some())
}

fn locks() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &"locks".into())
        .ok()
        .filter(|l| !l.is_undefined() && !l.is_null())
}

pub fn supported() -> bool {
    locks().is_some()
}

/// Asks for the lock. With `if_available`, `on_answer(false)` comes at once if another tab
/// holds it; otherwise the request waits its turn. `on_answer(true)`: this tab holds it
/// until `release()` or until the page goes away.
pub fn request(if_available: bool, on_answer: impl FnOnce(bool) + 'static) {
    let Some(locks) = locks() else {
        return;
    };
    if ASKED.with(|a| a.replace(true)) {
        return;
    }
    let Ok(request) = js_sys::Reflect::get(&locks, &"request".into()) else {
        return;
    };
    let Ok(request) = request.dyn_into::<js_sys::Function>() else {
        return;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"ifAvailable".into(), &if_available.into());
    let mut on_answer = Some(on_answer);
    let callback = Closure::<dyn FnMut(JsValue) -> js_sys::Promise>::new(move |lock: JsValue| {
        let answer = on_answer.take();
        if lock.is_null() {
            ASKED.with(|a| a.set(false));
            if let Some(answer) = answer {
                answer(false);
            }
            return js_sys::Promise::resolve(&JsValue::UNDEFINED);
        }
        let held = js_sys::Promise::new(&mut |resolve, _reject| {
            RELEASE.with(|r| *r.borrow_mut() = Some(resolve));
        });
        if let Some(answer) = answer {
            answer(true);
        }
        held
    });
    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {});
    if let Ok(promise) = request.call3(&locks, &NAME.into(), &options, callback.as_ref()) {
        if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
            // A request ended by the page going away must not report an error.
            let _ = promise.catch(&ignore);
        }
    }
    // Called by the browser later, possibly long after this function returns.
    callback.forget();
    ignore.forget();
}

/// Lets go of the lock (after saving), so the tab taking over is granted it.
pub fn release() {
    if let Some(resolve) = RELEASE.with(|r| r.borrow_mut().take()) {
        ASKED.with(|a| a.set(false));
        let _ = resolve.call0(&JsValue::UNDEFINED);
    }
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Notes that this page reloads to take over (see `TAKE_OVER_MARK`).
pub fn mark_taking_over() {
    if let Some(s) = session_storage() {
        let _ = s.set_item(TAKE_OVER_MARK, "1");
    }
}

/// Was this page reloaded to take over? (Reading clears the note.)
pub fn was_taking_over() -> bool {
    let Some(s) = session_storage() else {
        return false;
    };
    let marked = s.get_item(TAKE_OVER_MARK).ok().flatten().is_some();
    let _ = s.remove_item(TAKE_OVER_MARK);
    marked
}
